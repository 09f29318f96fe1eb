#!/usr/bin/env node
// The JS API's result equals the CLI's JSON: for every written article and a
// few edge texts, the object the bridge decodes from the wasm module's result
// record deep-equals JSON.parse of `isnad extract --jsonl`, keys in the same
// order, with String.prototype.toWellFormed and without it.
//   node tests/bridge/equivalence.mjs <isnad CLI> <web bundle dir>
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepareGlue, wellFormed } from '../../wasm/node-glue.mjs';

const [cliArg, bundleArg] = process.argv.slice(2);
if (!cliArg || !bundleArg) {
  console.error('usage: node tests/bridge/equivalence.mjs <isnad CLI> <web bundle dir>');
  process.exit(2);
}
const cli = resolve(cliArg);
const bundleDir = resolve(bundleArg);
const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const ARTICLE =
  'قال المتحدث باسم وزارة الخارجية أحمد سالم إن "المحادثات كانت مثمرة". ' +
  'وأضاف أن الجانبين اتفقا على مواصلة الحوار الأسبوع المقبل. ' +
  'وبحسب وكالة الأنباء الرسمية، فإن الوفد سيعود إلى العاصمة غداً.';

const writtenDir = join(repoDir, 'tests', 'ar-written');
const texts = readdirSync(writtenDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ id: file.replace(/\.json$/, ''), text: JSON.parse(readFileSync(join(writtenDir, file), 'utf8')).text }));
texts.push(
  { id: 'empty', text: '' },
  { id: 'Latin only', text: 'The minister said that "the talks were useful", according to Reuters.' },
  { id: 'outside the BMP before Arabic', text: '😀𝐀 ' + ARTICLE },
  { id: 'lone surrogates around the text', text: '\uD800' + ARTICLE + '\uDC00' },
  // Inside spans, where the JSON writes them as U+FFFD.
  { id: 'lone surrogates in spans', text: ARTICLE.replace('المحادثات', 'المحادثات \uD800').replace('مثمرة', 'مثمرة\uDC00').replace('أحمد', 'أحمد\uDBFF') },
  { id: 'NUL', text: ARTICLE.replace('كانت', 'كانت\u0000') + '\u0000' },
);

// The CLI's input is JSON, which cannot carry a lone surrogate: it is given
// U+FFFD in its place, what the core makes of a lone surrogate too.
const input = texts.map(({ id, text }) => JSON.stringify({ id, text: wellFormed(text) })).join('\n') + '\n';
const run = spawnSync(cli, ['extract', '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
assert.equal(run.status, 0, `${cli} extract --jsonl failed: ${run.stderr}`);
const expected = new Map();
for (const line of run.stdout.trim().split('\n')) {
  const { id, warnings, ...result } = JSON.parse(line);  // the CLI adds the input's id and its warnings
  expected.set(id, result);
}
assert.equal(expected.size, texts.length, 'one CLI result per text');

const corePath = join(bundleDir, 'isnad_core.mjs');
prepareGlue(corePath);
const coreUrl = pathToFileURL(corePath);
const wasmModule = WebAssembly.compile(readFileSync(join(bundleDir, 'isnad_core.wasm')));
const bridgeUrl = pathToFileURL(join(bundleDir, 'isnad-core-bridge.js')).href;

let passed = 0;
let failed = 0;
function check(name, body) {
  try {
    body();
    passed++;
    console.log(`PASS ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${String(error.message).split('\n').slice(0, 12).join(' | ')}`);
  }
}

// What the extractor does not produce: a name and a title that end and begin
// with the halves of a pair, a span that cuts a pair of a well-formed text.
function mendingRecord() {
  const pool = 'ar' + 'a\uD800' + '\uDC00x';
  const words = [
    ...[1, 0, 1, 15, pool.length, 0, 2], // header: version, no claim, one speaker, pool at word 15, lang 'ar'
    ...[0, 2, 2, 4, 2, 1, 1, 3], // a person, name and title in the pool, one mention [1, 3)
  ];
  const at = 8; // not at the start of the memory
  const buffer = new ArrayBuffer(at + words.length * 4 + pool.length * 2);
  new Uint32Array(buffer, at).set(words);
  const units = new Uint16Array(buffer, at + words.length * 4);
  for (let i = 0; i < pool.length; i++) units[i] = pool.charCodeAt(i);
  return { buffer, at };
}

async function compareAll(label) {
  const { loadCore, decodeResult } = await import(`${bridgeUrl}?${encodeURIComponent(label)}`);
  const core = await loadCore(coreUrl, wasmModule, import(coreUrl.href));
  let mended = 0;
  for (const { id, text } of texts) {
    check(`${label}: ${id}`, () => {
      const result = core.extract(text);
      assert.deepStrictEqual(result, expected.get(id));
      assert.equal(JSON.stringify(result), JSON.stringify(expected.get(id)), 'keys in the same order');
      mended += JSON.stringify(result).split('\uFFFD').length - 1;
    });
  }
  check(`${label}: the edge texts put U+FFFD into span texts`, () => assert.ok(mended > 0));
  check(`${label}: names, titles and spans cut from pairs are mended one by one`, () => {
    const { buffer, at } = mendingRecord();
    assert.deepStrictEqual(decodeResult(buffer, at, '😀ab', 'v'), {
      version: 'v',
      lang: 'ar',
      offsets: 'utf16',
      claims: [],
      speakers: [{ id: 's1', name: 'a\uFFFD', kind: 'person', title: '\uFFFDx', mentions: [{ start: 1, end: 3, text: '\uFFFDa' }] }],
    });
  });
}

// Node 18 (Debian's) has no String.prototype.toWellFormed: there the bridge's
// fallback is the only path.
if (typeof String.prototype.toWellFormed === 'function') await compareAll('toWellFormed');
// Browsers from before String.prototype.isWellFormed take the bridge's fallback.
const builtins = ['isWellFormed', 'toWellFormed']
  .map((name) => [name, Object.getOwnPropertyDescriptor(String.prototype, name)])
  .filter(([, descriptor]) => descriptor);
for (const [name] of builtins) delete String.prototype[name];
try {
  await compareAll('fallback');
} finally {
  for (const [name, descriptor] of builtins) Object.defineProperty(String.prototype, name, descriptor);
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
