#!/usr/bin/env node
// The wasm core under Node through the JS bridge, as the JS API runs it (text
// copied in, extraction, the result object built): cold start, throughput and
// its steps, per-article latency, peak memory, and heap growth over 10,000
// extractions; with the floor module (bench/wasm_floor.cpp), ICU's NFKC + word
// segmentation timed in turn with the extraction on the same text.
// Prints one JSON object.
//   node bench/wasm_bench.mjs <isnad_core.mjs> <corpus dir or -> [isnad_wasm_floor.mjs]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decodeResult, loadCore, writeText } from '../web/isnad-core-bridge.js';
import { prepareGlue } from '../wasm/node-glue.mjs';
import { floorPass } from './floor-pass.mjs';

const modulePath = resolve(process.argv[2] ?? 'build/wasm/wasm/isnad_core.mjs');
const corpusDir = process.argv[3];
const floorPath = process.argv[4] && resolve(process.argv[4]);

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

// Throughput over 1 MB and 10 MB built from the articles. The first runs of a
// size grow the module's memory and its JS garbage: they are reported apart,
// and the medians are taken after them, as in the Chromium benchmark.
function sized(bytes) {
  let s = '';
  const all = articles.join('\n\n');
  while (utf8Bytes(s) < bytes) s += all + '\n\n';
  return s;
}

let floor = null;
if (floorPath) {
  prepareGlue(floorPath);
  const { default: createFloor } = await import(pathToFileURL(floorPath).href);
  floor = floorPass(await createFloor({ wasmBinary: readFileSync(floorPath.replace(/\.mjs$/, '.wasm')) }), writeText);
}

const time = (f) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const throughput = {};
for (const [name, bytes, warmup, timed] of [['1MB', 1 << 20, 3, 11], ['10MB', 10 << 20, 1, 5]]) {
  const text = sized(bytes);
  const first = time(() => extract(text));
  for (let r = 1; r < warmup; r++) extract(text);
  const runs = [];
  const floorRuns = [];
  if (floor) floor(text);
  for (let r = 0; r < timed; r++) {
    runs.push(time(() => extract(text)));
    if (floor) floorRuns.push(time(() => floor(text)));
  }
  const mb = utf8Bytes(text) / 1e6;
  throughput[name] = { first_ms: first, ms: median(runs), mb_per_s: mb / (median(runs) / 1000) };
  if (floor) {
    throughput[name].floor_mb_per_s = mb / (median(floorRuns) / 1000);
    // Each run against the floor run right after it: a slow minute of the host
    // weighs on both alike.
    throughput[name].floor_ratio = median(runs.map((t, r) => t / floorRuns[r]));
  }
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
  first_1mb_ms: throughput['1MB'].first_ms,
  floor_mb_per_s_1mb: throughput['1MB'].floor_mb_per_s ?? null,
  floor_mb_per_s_10mb: throughput['10MB'].floor_mb_per_s ?? null,
  floor_ratio_1mb: throughput['1MB'].floor_ratio ?? null,
  steps_ms_1mb: { copy: median(steps.copy), extract: median(steps.extract), decode: median(steps.decode) },
  peak_memory_bytes: peakMemory,
  heap_growth_bytes_10000_runs: after - before,
}));
