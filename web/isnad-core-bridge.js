// Talks to the Emscripten module (isnad_core.mjs + isnad_core.wasm) through its
// C exports. Shared by the worker and the in-thread mode of isnad.js.

const utf8 = new TextDecoder('utf-8');

// The heap views are replaced when memory grows, so they are looked up on
// every call rather than cached.
function heapBuffer(core) {
  const buffer = core.HEAPU8?.buffer ?? core.wasmMemory?.buffer ?? core.asm?.memory?.buffer;
  if (!buffer) throw new Error('isnad core: the module exposes no memory (HEAPU8)');
  return buffer;
}

function readCString(core, pointer) {
  if (typeof core.UTF8ToString === 'function') return core.UTF8ToString(pointer);
  const bytes = new Uint8Array(heapBuffer(core));
  let end = pointer;
  while (bytes[end] !== 0) end++;
  return utf8.decode(bytes.subarray(pointer, end));
}

/** The URL of the .wasm file that the glue at coreUrl loads. */
export function wasmUrlOf(coreUrl) {
  return new URL('isnad_core.wasm', coreUrl);
}

/**
 * Fetches and compiles isnad_core.wasm into a WebAssembly.Module, compiling
 * while the bytes arrive where the server sends application/wasm. The Module
 * can be instantiated any number of times and posted to a worker.
 */
export async function compileCore(coreUrl) {
  const url = wasmUrlOf(coreUrl);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Instantiates the core. wasmModule is a WebAssembly.Module or a promise of
 * one; glue, the promise of the imported isnad_core.mjs where already started.
 */
export async function loadCore(coreUrl, wasmModule = compileCore(coreUrl), glue = import(coreUrl)) {
  const [{ default: createIsnadCore }, module] = await Promise.all([glue, wasmModule]);
  // The glue waits for receiveInstance; a failed instantiation rejects here.
  let instantiationFailed;
  const failure = new Promise((_, reject) => (instantiationFailed = reject));
  const core = await Promise.race([
    failure,
    createIsnadCore({
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module), instantiationFailed);
        return {};
      },
    }),
  ]);
  const version = readCString(core, core._isnad_version());

  function extract(text) {
    const length = text.length;
    // One spare code unit keeps the allocation non-empty for "".
    const pointer = core._isnad_malloc((length + 1) * 2);
    if (!pointer) throw new Error('isnad core: out of memory for ' + length + ' code units');
    try {
      // The JS string's UTF-16 code units go into wasm memory unchanged.
      const units = new Uint16Array(heapBuffer(core), pointer, length);
      for (let i = 0; i < length; i++) units[i] = text.charCodeAt(i);
      const json = readCString(core, core._isnad_extract_utf16(pointer, length));
      return JSON.parse(json);
    } finally {
      core._isnad_free(pointer);
    }
  }

  return { version, extract };
}
