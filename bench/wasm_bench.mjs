#!/usr/bin/env node
// The wasm core under Node through the JS bridge, as the JS API runs it (text
// copied in, extraction, the result object built): cold start, throughput and
// its steps, per-article latency, peak memory, and heap growth over 10,000
// extractions.
// Prints one JSON object.
//   node bench/wasm_bench.mjs <isnad_core.mjs> <corpus dir or ->
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decodeResult, loadCore, writeText } from '../web/isnad-core-bridge.js';
import { prepareGlue } from '../wasm/node-glue.mjs';

const modulePath = resolve(process.argv[2] ?? 'build/wasm/wasm/isnad_core.mjs');
const corpusDir = process.argv[3];

prepareGlue(modulePath);
const wasmBinary = readFileSync(modulePath.replace(/\.mjs$/, '.wasm'));

// The glue's factory is wrapped to keep the Emscripten module, whose memory
// size the bridge does not report.
const coldStart = [];
let core;
let extract;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const coreUrl = new URL(pathToFileURL(modulePath).href + `?run=${i}`);
  const glue = import(coreUrl.href).then(({ default: createIsnadCore }) => ({
    default: async (options) => (core = await createIsnadCore(options)),
  }));
  ({ extract } = await loadCore(coreUrl, WebAssembly.compile(wasmBinary), glue));
  coldStart.push(performance.now() - t0);
}

let articles = [];
if (corpusDir && existsSync(join(corpusDir, 'ar-dev'))) {
  const dir = join(corpusDir, 'ar-dev');
  articles = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).text);
} else {
  articles = [readFileSync(new URL('../web/sample-ar.txt', import.meta.url), 'utf8')];
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const utf8Bytes = (s) => Buffer.byteLength(s, 'utf8');

// Per-article latency, warm.
for (const a of articles) extract(a);
const latencies = [];
for (let r = 0; r < 50; r++) for (const a of articles) {
  const t0 = performance.now();
  extract(a);
  latencies.push(performance.now() - t0);
}

// Throughput over 1 MB and 10 MB built from the articles.
function sized(bytes) {
  let s = '';
  const all = articles.join('\n\n');
  while (utf8Bytes(s) < bytes) s += all + '\n\n';
  return s;
}
const throughput = {};
for (const [name, bytes] of [['1MB', 1 << 20], ['10MB', 10 << 20]]) {
  const text = sized(bytes);
  const runs = [];
  for (let r = 0; r < (bytes > 1 << 20 ? 3 : 7); r++) {
    const t0 = performance.now();
    extract(text);
    runs.push(performance.now() - t0);
  }
  throughput[name] = { ms: median(runs), mb_per_s: utf8Bytes(text) / 1e6 / (median(runs) / 1000) };
}

// Where the JS API's time goes on 1 MB, step by step as the bridge takes them
// (web/isnad-core-bridge.js): the text copied into wasm memory, the C export,
// and the result object built. Medians of seven runs each.
const steps = { copy: [], extract: [], decode: [] };
{
  const text = sized(1 << 20);
  const pointer = core._isnad_malloc((text.length + 1) * 2);
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    writeText(core, pointer, text);
    const t1 = performance.now();
    const record = core._isnad_extract_utf16(pointer, text.length);
    const t2 = performance.now();
    decodeResult(core.HEAPU8.buffer, record, text, '');
    const t3 = performance.now();
    steps.copy.push(t1 - t0);
    steps.extract.push(t2 - t1);
    steps.decode.push(t3 - t2);
  }
  core._isnad_free(pointer);
}
const peakMemory = core.HEAPU8.length;

// Heap growth: memory after 10,000 more extractions of an article.
const before = core.HEAPU8.length;
for (let i = 0; i < 10000; i++) extract(articles[i % articles.length]);
const after = core.HEAPU8.length;

console.log(JSON.stringify({
  cold_start_ms: median(coldStart),
  article_ms_p50: percentile(latencies, 0.5),
  article_ms_p99: percentile(latencies, 0.99),
  mb_per_s_1mb: throughput['1MB'].mb_per_s,
  mb_per_s_10mb: throughput['10MB'].mb_per_s,
  ms_1mb: throughput['1MB'].ms,
  ms_10mb: throughput['10MB'].ms,
  steps_ms_1mb: { copy: median(steps.copy), extract: median(steps.extract), decode: median(steps.decode) },
  peak_memory_bytes: peakMemory,
  heap_growth_bytes_10000_runs: after - before,
}));
