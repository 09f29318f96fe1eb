#!/usr/bin/env node
// The wasm core in headless Chromium: first highlights of the widget on the
// demo page and of the viewer, cold start, per-article latency and throughput
// in-thread; with the floor module (bench/wasm_floor.cpp), ICU's NFKC + word
// segmentation timed in turn with the extraction on the same text. Prints one
// JSON object.
//   node bench/browser_bench.mjs <build/web> <corpus dir or -> [runs] [isnad_wasm_floor.mjs]
//
// Every page load is a first visit: a new browser context, so no HTTP cache
// and no compiled wasm is kept from an earlier run. "First highlights" is the
// end of the first frame that paints them: an animation-frame callback that
// sees them in the page is followed by that frame's rendering, and the timeout
// it sets runs after that. It is measured from the page's load event and from
// the start of the navigation. The page signals it on the console: polling
// from here would run the driver's own scripts in the page while it loads.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/browser/server.mjs';

const webDir = resolve(process.argv[2] ?? 'build/web');
const corpusDir = process.argv[3];
const runs = Number(process.argv[4] ?? 7);
const floorPath = process.argv[5] && resolve(process.argv[5]);
let articles = [readFileSync(join(webDir, 'sample-ar.txt'), 'utf8')];
if (corpusDir && existsSync(join(corpusDir, 'ar-dev'))) {
  const dir = join(corpusDir, 'ar-dev');
  articles = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).text);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const blankPage = '<!doctype html><meta charset="utf-8"><title>bench</title>';
const extraPages = new Map([['/bench/blank.html', { body: blankPage }]]);
if (floorPath) {
  extraPages.set('/bench/isnad_wasm_floor.mjs', { body: readFileSync(floorPath), type: 'text/javascript', csp: false });
  extraPages.set('/bench/floor-pass.mjs', {
    body: readFileSync(new URL('floor-pass.mjs', import.meta.url)), type: 'text/javascript', csp: false });
  extraPages.set('/bench/isnad_wasm_floor.wasm',
                 { body: readFileSync(floorPath.replace(/\.mjs$/, '.wasm')), type: 'application/wasm', csp: false });
}
const server = await startServer(webDir, extraPages);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// What the browser does at start-up is not part of any figure.
await sleep(2000);

// Runs in the page before its own scripts; isPainted says whether the DOM as
// it is now shows highlights.
function watchFirstPaint(isPainted) {
  const check = () => {
    if (!isPainted()) return requestAnimationFrame(check);
    setTimeout(() => {
      performance.mark('bench-first-highlight-painted');
      console.debug('bench-first-highlight-painted');
    });
  };
  requestAnimationFrame(check);
}
const widgetPainted = () => typeof CSS !== 'undefined' && CSS.highlights &&
  [...CSS.highlights].some(([name, highlight]) => name.startsWith('isnad-claim-') && highlight.size > 0);
const viewerPainted = () => document.querySelector('#article .isnad-claim') !== null;

async function firstHighlight(path, isPainted) {
  const afterLoad = [];
  const afterStart = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(`(${watchFirstPaint})(${isPainted})`);
    const signalled = page.waitForEvent('console', { predicate: (message) => message.text() === 'bench-first-highlight-painted',
                                                     timeout: 30000 });
    await page.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
    await signalled;
    await page.waitForLoadState('load');
    const { load, painted: at } = await page.evaluate(() => ({
      load: performance.getEntriesByType('navigation')[0].loadEventStart,
      painted: performance.getEntriesByName('bench-first-highlight-painted')[0].startTime,
    }));
    afterLoad.push(at - load);
    afterStart.push(at);
    await context.close();
  }
  return { afterLoad: median(afterLoad), afterStart: median(afterStart), runs: afterLoad };
}

try {
  const widget = await firstHighlight('/demo.html', widgetPainted);
  const viewer = await firstHighlight('/index.html', viewerPainted);

  // Cold start in a fresh context: import of the API and the glue, fetch,
  // compile and instantiation of the module; then the first extraction, which
  // also compiles the functions it runs and sets up the lexicons.
  const cold = { start: [], firstExtract: [] };
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/bench/blank.html`);
    const times = await page.evaluate(async (text) => {
      const t0 = performance.now();
      const { Isnad } = await import('/isnad.js');
      const isnad = await Isnad.load({ worker: false });
      const t1 = performance.now();
      await isnad.extract(text);
      return { start: t1 - t0, firstExtract: performance.now() - t1 };
    }, articles[0]);
    cold.start.push(times.start);
    cold.firstExtract.push(times.firstExtract);
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/bench/blank.html`);
  const figures = await page.evaluate(async ([texts, withFloor]) => {
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
    const { Isnad } = await import('/isnad.js');
    const isnad = await Isnad.load({ worker: false });
    for (const t of texts) await isnad.extract(t);
    const latencies = [];
    for (let r = 0; r < 30; r++) for (const t of texts) {
      const s = performance.now();
      await isnad.extract(t);
      latencies.push(performance.now() - s);
    }
    // A 1,000-word article built from the texts.
    const words = texts.join(' ').split(/\s+/);
    const article = words.slice(0, 1000).join(' ');
    const thousand = [];
    for (let r = 0; r < 50; r++) {
      const s = performance.now();
      await isnad.extract(article);
      thousand.push(performance.now() - s);
    }
    let big = '';
    while (big.length < 500000) big += texts.join('\n\n');
    // The first long text runs mostly in V8's baseline tier while the hot
    // functions are compiled again, optimised, for the calls after it: it is
    // timed on its own, and throughput is measured once that settles.
    let s = performance.now();
    await isnad.extract(big);
    const firstLarge = performance.now() - s;
    for (let r = 0; r < 3; r++) await isnad.extract(big);
    let floorPass = null;
    if (withFloor) {
      const { default: createFloor } = await import('/bench/isnad_wasm_floor.mjs');
      const { writeText } = await import('/isnad-core-bridge.js');
      floorPass = (await import('/bench/floor-pass.mjs')).floorPass(await createFloor(), writeText);
      floorPass(big);
    }
    const times = [];
    const floorTimes = [];
    for (let r = 0; r < 9; r++) {
      s = performance.now();
      await isnad.extract(big);
      times.push(performance.now() - s);
      if (floorPass) {
        s = performance.now();
        floorPass(big);
        floorTimes.push(performance.now() - s);
      }
    }
    // Peak wasm memory: an instance of the same module through the bridge,
    // after the same texts (the widget's instances do not show their memory).
    let core;
    const coreUrl = new URL('/isnad_core.mjs', location.href);
    const { loadCore } = await import('/isnad-core-bridge.js');
    const glue = import(coreUrl.href).then(({ default: create }) => ({ default: async (o) => (core = await create(o)) }));
    const direct = await loadCore(coreUrl, undefined, glue);
    for (const t of texts) direct.extract(t);
    direct.extract(big);
    const peakMemory = core.HEAPU8.length;
    const bytes = new TextEncoder().encode(big).length;
    return {
      article_ms_p50: percentile(latencies, 0.5),
      article_ms_p99: percentile(latencies, 0.99),
      words_1000_ms_median: median(thousand),
      mb_per_s: bytes / 1e6 / (median(times) / 1000),
      floor_mb_per_s: floorPass ? bytes / 1e6 / (median(floorTimes) / 1000) : null,
      // Each run against the floor run right after it.
      floor_ratio: floorPass ? median(times.map((t, r) => t / floorTimes[r])) : null,
      first_large_ms: firstLarge,
      peak_memory_bytes: peakMemory,
      large_bytes: bytes,
    };
  }, [articles, Boolean(floorPath)]);
  await context.close();
  console.log(JSON.stringify({
    first_highlight_ms_median: widget.afterLoad,
    first_highlight_from_navigation_ms_median: widget.afterStart,
    first_highlight_ms_runs: widget.runs,
    viewer_first_highlight_ms_median: viewer.afterLoad,
    cold_start_ms: median(cold.start),
    first_extract_ms: median(cold.firstExtract),
    ...figures,
  }));
} finally {
  await browser.close();
  await server.close();
}
