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
  const bytes = new Uint8Array(heapBuffer(core));
  const end = bytes.indexOf(0, pointer);
  return utf8.decode(bytes.subarray(pointer, end < 0 ? bytes.length : end));
}

// The result record of isnad_extract_utf16; its layout is described at the top
// of wasm/binding.cpp.
const RECORD_VERSION = 1;
const HEADER_WORDS = 7;
const CLAIM_WORDS = 10;
const SPEAKER_WORDS = 6; // then two per mention
const NO_SPAN = 0xffffffff;
const CLAIM_TYPES = ['direct', 'indirect', 'mixed'];
const SPEAKER_KINDS = ['person', 'organization', 'media', 'group', 'document'];

// Unpaired surrogates become U+FFFD, as the JSON writer writes them.
const toWellFormed = String.prototype.toWellFormed
  ? (s) => s.toWellFormed()
  : (s) => {
      let out = '';
      let from = 0;
      for (let i = 0; i < s.length; i++) {
        const unit = s.charCodeAt(i);
        if ((unit & 0xf800) !== 0xd800) continue;
        if (unit < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          i++;
          continue;
        }
        out += s.slice(from, i) + '\ufffd';
        from = i + 1;
      }
      return from ? out + s.slice(from) : s;
    };

function unitsToString(units) {
  let s = '';
  // fromCharCode takes one argument per unit: a long pool goes in slices.
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, i + 8192));
  return s;
}

/**
 * Builds the result contract, the same object as JSON.parse of the CLI's
 * output with UTF-16 offsets, from the record at `pointer` in `buffer` (the
 * module's memory) that isnad_extract_utf16 returned for `text`.
 */
export function decodeResult(buffer, pointer, text, version) {
  const header = new Uint32Array(buffer, pointer, HEADER_WORDS);
  if (header[0] !== RECORD_VERSION) throw new Error(`isnad core: result record version ${header[0]}, expected ${RECORD_VERSION}`);
  const [, claimCount, speakerCount, poolStart, poolUnits, langOffset, langLength] = header;
  const words = new Uint32Array(buffer, pointer, poolStart);
  const pool = unitsToString(new Uint16Array(buffer, pointer + poolStart * 4, poolUnits));
  const pooled = (offset, length) => toWellFormed(pool.slice(offset, offset + length));

  // A slice of a well-formed text is well-formed unless it cuts a surrogate
  // pair; only such slices, or any of a text with lone surrogates, are mended.
  const wellFormedText = typeof text.isWellFormed === 'function' ? text.isWellFormed() : !/[\ud800-\udfff]/.test(text);
  const spanText = (start, end) => {
    const slice = text.slice(start, end);
    const cutsPair = (text.charCodeAt(start) & 0xfc00) === 0xdc00 || (text.charCodeAt(end - 1) & 0xfc00) === 0xd800;
    return wellFormedText && !cutsPair ? slice : toWellFormed(slice);
  };
  const span = (at) => ({ start: words[at], end: words[at + 1], text: spanText(words[at], words[at + 1]) });
  const optionalSpan = (at) => (words[at] === NO_SPAN ? null : span(at));
  const speakerId = (indexPlusOne) => (indexPlusOne ? 's' + indexPlusOne : null);

  const claims = new Array(claimCount);
  let at = HEADER_WORDS;
  for (let i = 0; i < claimCount; i++, at += CLAIM_WORDS) {
    claims[i] = {
      id: 'c' + (i + 1),
      type: CLAIM_TYPES[words[at]],
      cue: optionalSpan(at + 1),
      content: span(at + 3),
      speaker: speakerId(words[at + 5]),
      speaker_mention: optionalSpan(at + 6),
      reported_by: speakerId(words[at + 8]),
      confidence: words[at + 9] / 100,
    };
  }
  const speakers = new Array(speakerCount);
  for (let i = 0; i < speakerCount; i++) {
    const titleLength = words[at + 4];
    const mentions = new Array(words[at + 5]);
    const speaker = {
      id: 's' + (i + 1),
      name: pooled(words[at + 1], words[at + 2]),
      kind: SPEAKER_KINDS[words[at]],
      title: titleLength ? pooled(words[at + 3], titleLength) : null,
      mentions,
    };
    at += SPEAKER_WORDS;
    for (let m = 0; m < mentions.length; m++, at += 2) mentions[m] = span(at);
    speakers[i] = speaker;
  }
  return { version, lang: pooled(langOffset, langLength), offsets: 'utf16', claims, speakers };
}

/** Writes the UTF-16 code units of `text`, unchanged, into the module's memory at `pointer`. */
export function writeText(core, pointer, text) {
  const units = new Uint16Array(heapBuffer(core), pointer, text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
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
      writeText(core, pointer, text);
      const record = core._isnad_extract_utf16(pointer, length);
      // Extraction may have grown the memory: the buffer is taken afterwards.
      return decodeResult(heapBuffer(core), record, text, version);
    } finally {
      core._isnad_free(pointer);
    }
  }

  return { version, extract };
}
