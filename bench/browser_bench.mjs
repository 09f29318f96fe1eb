#!/usr/bin/env node
// The wasm core in headless Chromium: first highlights of the viewer after the
// load event, cold start, per-article latency and throughput in-thread.
// Prints one JSON object.  node bench/browser_bench.mjs <build/web> <corpus dir or ->
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/browser/server.mjs';

const webDir = resolve(process.argv[2] ?? 'build/web');
const corpusDir = process.argv[3];
let articles = [readFileSync(join(webDir, 'sample-ar.txt'), 'utf8')];
if (corpusDir && existsSync(join(corpusDir, 'ar-dev'))) {
  const dir = join(corpusDir, 'ar-dev');
  articles = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).text);
}

const server = await startServer(webDir);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'isnad-bench-')), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await context.newPage();
try {
  // First highlights: the viewer marks them; measured from the load event.
  const firstHighlight = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(`${server.origin}/index.html?run=${run}`);
    await page.waitForFunction(() => performance.getEntriesByName('isnad-first-highlight').length > 0, null,
                               { timeout: 30000 });
    firstHighlight.push(await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      return performance.getEntriesByName('isnad-first-highlight')[0].startTime - nav.loadEventStart;
    }));
  }
  const figures = await page.evaluate(async (texts) => {
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
    const t0 = performance.now();
    const { Isnad } = await import('/isnad.js');
    const isnad = await Isnad.load({ worker: false });
    const coldStart = performance.now() - t0;
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
    const runs = [];
    for (let r = 0; r < 5; r++) {
      const s = performance.now();
      await isnad.extract(big);
      runs.push(performance.now() - s);
    }
    const bytes = new TextEncoder().encode(big).length;
    return {
      cold_start_ms: coldStart,
      article_ms_p50: percentile(latencies, 0.5),
      article_ms_p99: percentile(latencies, 0.99),
      words_1000_ms_median: median(thousand),
      mb_per_s: bytes / 1e6 / (median(runs) / 1000),
    };
  }, articles);
  const sorted = [...firstHighlight].sort((a, b) => a - b);
  console.log(JSON.stringify({ first_highlight_ms_median: sorted[Math.floor(sorted.length / 2)], ...figures }));
} finally {
  await context.close();
  await server.close?.();
}
