#!/usr/bin/env node
// Loads the wasm module under Node and exercises its C exports:
//   node wasm/smoke.mjs <isnad_core.mjs> <expected version>
// The result record is decoded by the bridge's decoder; every span's text must
// equal the input sliced at its UTF-16 offsets (lone surrogates as U+FFFD).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeResult } from '../web/isnad-core-bridge.js';
import { prepareGlue, wellFormed } from './node-glue.mjs';

const modulePath = resolve(process.argv[2] ?? 'build/wasm/wasm/isnad_core.mjs');
const expectedVersion = process.argv[3];

// The .wasm bytes are handed over, so no fetch() is tried.
prepareGlue(modulePath);
const { default: createIsnadCore } = await import(pathToFileURL(modulePath).href);
const core = await createIsnadCore({ wasmBinary: readFileSync(modulePath.replace(/\.mjs$/, '.wasm')) });

function readCString(pointer) {
  const bytes = core.HEAPU8;
  return new TextDecoder().decode(bytes.subarray(pointer, bytes.indexOf(0, pointer)));
}
const version = readCString(core._isnad_version());

function extract(text) {
  const pointer = core._isnad_malloc((text.length + 1) * 2);
  assert.notEqual(pointer, 0, 'isnad_malloc failed');
  try {
    // Views are taken after the allocation: memory may have grown.
    const units = new Uint16Array(core.HEAPU16.buffer, pointer, text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    const record = core._isnad_extract_utf16(pointer, text.length);
    // Extraction may have grown the memory: HEAPU8 is read afterwards.
    return decodeResult(core.HEAPU8.buffer, record, text, version);
  } finally {
    core._isnad_free(pointer);
  }
}

function spansOf(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => spansOf(v, out));
  else if (value && typeof value === 'object') {
    if (Number.isInteger(value.start) && Number.isInteger(value.end) && typeof value.text === 'string') out.push(value);
    Object.values(value).forEach((v) => spansOf(v, out));
  }
  return out;
}

function checkResult(text, result) {
  assert.equal(typeof result, 'object');
  assert.equal(result.version, version);
  assert.equal(result.offsets, 'utf16');
  for (const span of spansOf(result)) {
    assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, JSON.stringify(span));
    assert.equal(span.text, wellFormed(text.slice(span.start, span.end)));
  }
  return result;
}

let passed = 0;
let failed = 0;
function check(name, body) {
  try {
    const note = body();
    passed++;
    console.log(`PASS ${name}${note ? ` (${note})` : ''}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}

const ARTICLE =
  'قال المتحدث باسم وزارة الخارجية أحمد سالم إن "المحادثات كانت مثمرة". ' +
  'وأضاف أن الجانبين اتفقا على مواصلة الحوار الأسبوع المقبل. ' +
  'وبحسب وكالة الأنباء الرسمية، فإن الوفد سيعود إلى العاصمة غداً.';

check('isnad_version', () => {
  if (expectedVersion) assert.equal(version, expectedVersion);
  else assert.match(version, /^\d+\.\d+\.\d+/);
  return version;
});
check('empty text', () => {
  checkResult('', extract(''));
});
check('Arabic article: spans are UTF-16 offsets', () => {
  const result = checkResult(ARTICLE, extract(ARTICLE));
  // No claim at all would mean the core runs without its ICU data.
  assert.ok(result.claims?.length > 0, 'no claim found in the sample article');
  return `${result.claims.length} claims`;
});
check('text after characters outside the BMP', () => {
  const text = '😀𝐀 ' + ARTICLE;
  checkResult(text, extract(text));
});
check('lone surrogates and NUL', () => {
  const text = '\uD800' + ARTICLE + '\u0000\uDC00';
  checkResult(text, extract(text));
  // Inside a quote, so that span texts hold them: each becomes U+FFFD.
  const quoted = ARTICLE.replace('المحادثات', 'المحادثات \uD800').replace('مثمرة', 'مثمرة\uDC00\u0000');
  const contents = checkResult(quoted, extract(quoted)).claims.map((claim) => claim.content.text);
  assert.ok(contents.includes('المحادثات \uFFFD كانت مثمرة\uFFFD\u0000'), JSON.stringify(contents));
});
check('same text, same result', () => {
  assert.deepStrictEqual(extract(ARTICLE), extract(ARTICLE));
});
check('large text grows memory', () => {
  const text = (ARTICLE + '\n').repeat(2000);
  const before = core.HEAPU8.length;
  const result = checkResult(text, extract(text));
  return `${text.length} code units, ${result.claims?.length ?? 0} claims, heap ${before} -> ${core.HEAPU8.length} bytes`;
});

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
