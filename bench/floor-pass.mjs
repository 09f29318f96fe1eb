// The floor's pass over a JS string (bench/wasm_floor.cpp): the text copied
// into the floor module's memory as the bridge copies it (writeText of
// web/isnad-core-bridge.js), then ICU's NFKC and word breaks over it. Used by
// bench/wasm_bench.mjs under Node and by bench/browser_bench.mjs in the page.
export function floorPass(floor, writeText) {
  return (text) => {
    const pointer = floor._floor_malloc((text.length + 1) * 2);
    try {
      writeText(floor, pointer, text);
      if (floor._floor_nfkc_words(pointer, text.length) < 0) throw new Error('floor: ICU failed');
    } finally {
      floor._floor_free(pointer);
    }
  };
}
