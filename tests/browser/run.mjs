#!/usr/bin/env node
// Browser tests for the web bundle: node tests/browser/run.mjs <build/web dir>
// Headless Chromium (playwright-core) against a local server that sends the
// bundle's CSP. Prints one line per check and ends with "N passed, N failed".
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CSP, startServer } from './server.mjs';
import {
  XSS_PAYLOADS,
  xssArticleText,
  xssDemoPage,
  xssHtmlFile,
  viewerElementPage,
  noArticlePage,
  shortMainPage,
  tenArticlesPage,
  TEN_ARTICLE_CLAIMS,
  handlersPage,
  HOST_HANDLERS_SCRIPT,
  longArticlePage,
} from './pages.mjs';

const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundleDir = resolve(process.argv[2] ?? join(repoDir, 'build', 'web'));
const corpusDir = resolve(process.env.ISNAD_CORPUS_DIR ?? join(repoDir, '..', 'shared', 'corpus'));
const artifactsDir = join(repoDir, 'build', 'test-artifacts');
const WAIT = { timeout: 30_000 };

// Speakers the sample article was written with; reported when the extractor finds them.
const SAMPLE_SPEAKERS = ['خالد النعيمي', 'ريم الحداد', 'منظمة الأغذية والزراعة', 'سليم العبادي', 'وكالة الأنباء الرسمية'];

class Skip extends Error {}

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    const note = await body();
    passed++;
    console.log(`PASS ${name}${note ? ` (${note})` : ''}`);
  } catch (error) {
    if (error instanceof Skip) {
      console.log(`SKIP ${name}: ${error.message}`);
      return;
    }
    failed++;
    console.log(`FAIL ${name}: ${String(error.message).split('\n').slice(0, 6).join(' | ')}`);
  }
}

function info(line) {
  console.log(`INFO ${line}`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// The viewer shows each non-blank line as a paragraph, without the line breaks.
function renderedTextOf(text) {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .join('');
}

// ---------------------------------------------------------------------------

if (!existsSync(join(bundleDir, 'index.html')) || !existsSync(join(bundleDir, 'isnad_core.wasm'))) {
  console.log(`FAIL bundle present: ${bundleDir} has no index.html or isnad_core.wasm (run scripts/build web)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync(artifactsDir, { recursive: true });
const sampleText = readFileSync(join(bundleDir, 'sample-ar.txt'), 'utf8');
// Over isnad.js's DEFAULT_MAIN_THREAD_START_LENGTH (20,000): the worker's alone.
const LONG_TEXT_LENGTH = 24_000;

const extraPages = new Map([
  ['/test/xss-demo.html', { body: xssDemoPage() }],
  ['/test/nocsp/xss-demo.html', { body: xssDemoPage(), csp: false }],
  ['/test/viewer-element.html', { body: viewerElementPage(sampleText) }],
  ['/test/no-article.html', { body: noArticlePage() }],
  ['/test/short-main.html', { body: shortMainPage() }],
  ['/test/ten-articles.html', { body: tenArticlesPage() }],
  ['/test/handlers.html', { body: handlersPage() }],
  ['/test/long-article.html', { body: longArticlePage(sampleText, LONG_TEXT_LENGTH) }],
  ['/test/blank.html', { body: '<!doctype html><meta charset="utf-8"><title>blank</title>' }],
  ['/test/host-handlers.js', { body: HOST_HANDLERS_SCRIPT, type: 'text/javascript; charset=utf-8' }],
  // The core from elsewhere, its .wasm without application/wasm: no streaming compilation.
  ['/test/octet/isnad_core.mjs', { body: readFileSync(join(bundleDir, 'isnad_core.mjs')), type: 'text/javascript' }],
  ['/test/octet/isnad_core.wasm', { body: readFileSync(join(bundleDir, 'isnad_core.wasm')), type: 'application/octet-stream' }],
  ['/test/no-worker.html', { body: '<!doctype html><meta charset="utf-8"><title>no workers</title>', csp: `${CSP}; worker-src 'none'` }],
]);
const server = await startServer(bundleDir, extraPages);
const { origin } = server;

const userDataDir = mkdtempSync(join(tmpdir(), 'isnad-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1360, height: 900 },
  acceptDownloads: true,
});

// Every request is recorded; anything that leaves the test server is a failure.
const requests = [];
const foreignRequests = [];
const failedResponses = [];
const pageErrors = [];
const cspViolations = [];
const dialogs = [];
const isOwnUrl = (url) => url.startsWith(origin + '/') || url.startsWith(`blob:${origin}/`);
context.on('request', (request) => {
  requests.push(request.url());
  if (!isOwnUrl(request.url())) foreignRequests.push(request.url());
});
context.on('response', (response) => {
  if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
});
await context.route('**/*', (route) => (isOwnUrl(route.request().url()) ? route.continue() : route.abort()));
context.on('page', watchPage);
for (const page of context.pages()) watchPage(page);
function watchPage(page) {
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text().slice(0, 90)}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
}

async function newPage(colorScheme = 'light') {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  return page;
}

// Holds back the worker's script, so that no worker can start, until the
// returned function is called.
async function holdWorkerScript(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route((url) => url.pathname === '/isnad-worker.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

// What the wasm module itself returns for a text, run in the page's own thread.
function referenceExtract(page, text) {
  return page.evaluate(async (input) => {
    const { Isnad } = await import('/isnad.js');
    globalThis.referenceIsnad ??= await Isnad.load({ worker: false });
    return globalThis.referenceIsnad.extract(input);
  }, text);
}

async function waitForViewerText(page, text) {
  await page.waitForFunction(
    (expected) => document.body.dataset.state === 'ready' && document.getElementById('article').textContent === expected,
    renderedTextOf(text),
    WAIT,
  );
}

async function viewerCounts(page) {
  return page.evaluate(() => ({
    claimItems: document.querySelectorAll('#speakers .claim-item').length,
    articleClaims: new Set([...document.querySelectorAll('#article .isnad-claim')].map((element) => element.dataset.claim)).size,
    speakerItems: [...document.querySelectorAll('#speakers .speaker[data-speaker]')].map((element) => ({
      id: element.dataset.speaker,
      name: element.querySelector('.speaker-name').textContent,
    })),
    mentionStarts: [...document.querySelectorAll('#article .isnad-mention')].map((element) => `${element.dataset.speaker}:${element.dataset.start}`),
  }));
}

function validSpan(span, text) {
  return span && span.start >= 0 && span.end <= text.length && span.start < span.end;
}

// ---------------------------------------------------------------------------
// Viewer

const viewer = await newPage();
let sampleResult = null;

await check('viewer loads under the CSP and shows the sample', async () => {
  await viewer.goto(origin + '/');
  await waitForViewerText(viewer, sampleText);
  const status = await viewer.textContent('#status');
  const version = await viewer.evaluate(() => document.body.dataset.isnadVersion);
  assert.ok(version, 'no core version on the page');
  return `core ${version}; ${status.trim()}`;
});

await check('sample: article text is rendered exactly, as text', async () => {
  const articleHtmlHasOnlyOurElements = await viewer.evaluate(() =>
    [...document.querySelectorAll('#article *')].every((element) => ['P', 'SPAN', 'BDI'].includes(element.tagName)),
  );
  assert.ok(articleHtmlHasOnlyOurElements, 'unexpected element in the article');
  const direction = await viewer.evaluate(() => document.getElementById('article').dir);
  sampleResult = await referenceExtract(viewer, sampleText);
  assert.equal(direction, sampleResult.lang === 'ar' ? 'rtl' : sampleResult.lang === 'en' ? 'ltr' : 'auto');
  return `lang ${sampleResult.lang}, dir ${direction}`;
});

await check('sample: claims and speakers match what the wasm module returns', async () => {
  assert.ok(sampleResult, 'no reference result');
  assert.ok(sampleResult.claims.length > 0, 'the module found no claim in the sample');
  const counts = await viewerCounts(viewer);
  assert.equal(counts.claimItems, sampleResult.claims.length, 'claims listed in the panel');
  const highlightable = sampleResult.claims.filter((claim) => validSpan(claim.content, sampleText)).length;
  assert.equal(counts.articleClaims, highlightable, 'claims highlighted in the article');
  assert.deepEqual(
    counts.speakerItems,
    sampleResult.speakers.map((speaker) => ({ id: speaker.id, name: speaker.name })),
    'speakers listed',
  );
  for (const speaker of sampleResult.speakers) {
    for (const mention of speaker.mentions) {
      assert.ok(counts.mentionStarts.includes(`${speaker.id}:${mention.start}`), `mention "${mention.text}" of ${speaker.name} not highlighted`);
    }
  }
  return `${sampleResult.claims.length} claims, ${sampleResult.speakers.length} speakers`;
});

await check('sample: known speakers that the extractor finds are listed', async () => {
  const listed = (await viewerCounts(viewer)).speakerItems.map((item) => item.name);
  const found = SAMPLE_SPEAKERS.filter((name) => sampleResult.speakers.some((speaker) => speaker.name.includes(name) || name.includes(speaker.name)));
  for (const name of found) {
    assert.ok(listed.some((item) => item.includes(name) || name.includes(item)), `${name} found by the module but not listed`);
  }
  const missing = SAMPLE_SPEAKERS.filter((name) => !found.includes(name));
  return `${found.length}/${SAMPLE_SPEAKERS.length} found${missing.length ? `; not yet found: ${missing.join('، ')}` : ''}`;
});

await check('sample: colour follows the speaker, underline style follows the type', async () => {
  const problems = await viewer.evaluate((result) => {
    const slotOf = new Map(result.speakers.map((speaker, index) => [speaker.id, String(index % 10)]));
    const styles = {};
    const issues = [];
    for (const element of document.querySelectorAll('#article .isnad-claim')) {
      const claim = result.claims.find((candidate) => candidate.id === element.dataset.claim);
      const expected = (claim.speaker && slotOf.get(claim.speaker)) ?? 'none';
      if (element.dataset.color !== expected) issues.push(`${claim.id} colour ${element.dataset.color} != ${expected}`);
      styles[claim.type] = getComputedStyle(element).textDecorationStyle;
    }
    for (const element of document.querySelectorAll('#article .isnad-mention')) {
      if (element.dataset.color !== slotOf.get(element.dataset.speaker)) issues.push(`mention colour of ${element.dataset.speaker}`);
    }
    const distinct = new Set(Object.values(styles));
    if (distinct.size !== Object.keys(styles).length) issues.push(`types share an underline style: ${JSON.stringify(styles)}`);
    const badge = document.querySelector('#article .isnad-claim[data-first]');
    if (badge && getComputedStyle(badge, '::before').content === 'none') issues.push('no type badge');
    return { issues, styles };
  }, sampleResult);
  assert.deepEqual(problems.issues, []);
  return Object.entries(problems.styles)
    .map(([type, style]) => `${type}=${style}`)
    .join(', ');
});

await check('viewer: light and dark screenshots', async () => {
  await viewer.screenshot({ path: join(artifactsDir, 'viewer-light.png'), fullPage: true });
  await viewer.emulateMedia({ colorScheme: 'dark' });
  const background = await viewer.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await viewer.screenshot({ path: join(artifactsDir, 'viewer-dark.png'), fullPage: true });
  await viewer.emulateMedia({ colorScheme: 'light' });
  assert.notEqual(background, 'rgb(247, 246, 242)', 'dark scheme kept the light background');
  return 'viewer-light.png, viewer-dark.png';
});

await check('viewer: hovering a claim shows its speaker, cue and chain', async () => {
  const claim = sampleResult.claims.find((candidate) => candidate.speaker && candidate.cue) ?? sampleResult.claims[0];
  await viewer.hover(`#speakers .claim-item[data-claim="${claim.id}"]`);
  const details = await viewer.textContent('#claim-details');
  const speaker = sampleResult.speakers.find((candidate) => candidate.id === claim.speaker);
  if (speaker) assert.ok(details.includes(speaker.name), `details lack the speaker name: ${details}`);
  if (claim.cue) assert.ok(details.includes(claim.cue.text), 'details lack the cue');
  assert.ok(details.includes('Chain'), 'details lack the chain');
  const activeInArticle = await viewer.evaluate((id) => document.querySelectorAll(`#article .is-active[data-claim="${id}"]`).length, claim.id);
  assert.ok(activeInArticle > 0, 'claim not marked active in the article');
});

await check('viewer: keyboard — Tab reaches a claim, Enter scrolls to it', async () => {
  await viewer.setViewportSize({ width: 1200, height: 560 });
  await viewer.evaluate(() => {
    window.scrollTo(0, 0);
    document.activeElement?.blur();
  });
  const target = await viewer.evaluate(() => {
    const below = [...document.querySelectorAll('#article .isnad-claim[data-first]')].find(
      (element) => element.getBoundingClientRect().top > window.innerHeight,
    );
    return below?.dataset.claim ?? null;
  });
  if (!target) throw new Error('no claim below the fold to scroll to');
  let reached = false;
  for (let presses = 0; presses < 200 && !reached; presses++) {
    await viewer.keyboard.press('Tab');
    reached = await viewer.evaluate((id) => document.activeElement?.matches(`.claim-item[data-claim="${id}"]`) ?? false, target);
  }
  assert.ok(reached, `Tab never reached the claim ${target}`);
  await viewer.keyboard.press('Enter');
  await viewer.waitForFunction(
    (id) => {
      const element = document.querySelector(`#article .isnad-claim[data-claim="${id}"]`);
      const rect = element.getBoundingClientRect();
      return document.activeElement === element && rect.top >= 0 && rect.bottom <= window.innerHeight;
    },
    target,
    WAIT,
  );
  await viewer.screenshot({ path: join(artifactsDir, 'viewer-keyboard.png') });
  await viewer.keyboard.press('Escape');
  const backInList = await viewer.evaluate((id) => document.activeElement?.matches(`.claim-item[data-claim="${id}"]`) ?? false, target);
  assert.ok(backInList, 'Escape did not return to the claim list');
  await viewer.setViewportSize({ width: 1360, height: 900 });
  return `claim ${target}`;
});

await check('viewer: a speaker filter shows only their claims', async () => {
  const speaker = sampleResult.speakers.find((candidate) => sampleResult.claims.some((claim) => claim.speaker === candidate.id));
  if (!speaker) throw new Skip('the module attributes no claim in the sample');
  const header = viewer.locator(`#speakers .speaker[data-speaker="${speaker.id}"] .speaker-header`);
  await header.focus();
  await viewer.keyboard.press('Enter');
  const filtered = await viewer.evaluate((id) => ({
    pressed: document.querySelector(`.speaker[data-speaker="${id}"] .speaker-header`).getAttribute('aria-pressed'),
    visibleOthers: [...document.querySelectorAll('#speakers > .speaker')].filter((item) => item.dataset.speaker !== id && !item.hidden).length,
    undimmedOthers: [...document.querySelectorAll('#article .isnad-claim')].filter((item) => item.dataset.speaker !== id && !item.classList.contains('is-dimmed')).length,
  }), speaker.id);
  assert.deepEqual(filtered, { pressed: 'true', visibleOthers: 0, undimmedOthers: 0 });
  await viewer.screenshot({ path: join(artifactsDir, 'viewer-filtered.png') });
  await viewer.keyboard.press('Enter');
  assert.equal(await viewer.locator('#speakers > .speaker[hidden]').count(), 0, 'filter did not clear');
  return speaker.name;
});

await check('viewer: export downloads the result as JSON', async () => {
  const [download] = await Promise.all([viewer.waitForEvent('download', WAIT), viewer.click('#export-json')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.text, sampleText);
  assert.equal(exported.claims.length, sampleResult.claims.length);
  assert.equal(exported.speakers.length, sampleResult.speakers.length);
  return download.suggestedFilename();
});

await check('viewer: pasting new text updates the view', async () => {
  const text = 'The minister said that the budget would grow next year.\n"We will not cut salaries," she told reporters on Monday.';
  await viewer.fill('#text-input', text);
  await waitForViewerText(viewer, text);
  const result = await referenceExtract(viewer, text);
  const counts = await viewerCounts(viewer);
  assert.equal(counts.claimItems, result.claims.length);
  const direction = await viewer.evaluate(() => document.getElementById('article').dir);
  assert.equal(direction, result.lang === 'en' ? 'ltr' : result.lang === 'ar' ? 'rtl' : 'auto');
  return `lang ${result.lang}, ${result.claims.length} claims, dir ${direction}`;
});

await check('viewer: corpus article seed-000 is analysed and its claims listed', async () => {
  const seedFile = join(corpusDir, 'ar-dev', 'seed-000.json');
  if (!existsSync(seedFile)) throw new Skip(`${seedFile} is absent`);
  const { text } = JSON.parse(readFileSync(seedFile, 'utf8'));
  await viewer.fill('#text-input', text);
  await waitForViewerText(viewer, text);
  const result = await referenceExtract(viewer, text);
  const counts = await viewerCounts(viewer);
  assert.ok(result.claims.length > 0, 'the module found no claim');
  assert.equal(counts.claimItems, result.claims.length);
  await viewer.screenshot({ path: join(artifactsDir, 'viewer-seed-000.png'), fullPage: true });
  return `${result.claims.length} claims, ${result.speakers.length} speakers`;
});

await check('viewer: an .html file is reduced to its article text', async () => {
  const violationsBefore = cspViolations.length;
  await viewer.setInputFiles('#file-input', { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(xssHtmlFile()) });
  await viewer.waitForFunction(() => document.getElementById('text-input').value.includes('المتحدث'), null, WAIT);
  const value = await viewer.inputValue('#text-input');
  assert.ok(!value.includes('navigation link'), 'navigation text kept');
  assert.ok(!/file-(head|body|img|article|svg)/.test(value), 'script or handler text kept');
  assert.ok(value.includes('<img src=x onerror=window.__xss=1>'), 'escaped markup in the text was lost');
  await waitForViewerText(viewer, value);
  assert.equal(await viewer.evaluate(() => globalThis.__xss ?? null), null, 'a script from the file ran');
  // Chromium checks the page's CSP while parsing on* attributes even into an
  // inert DOMParser document and logs a violation; nothing runs. Those are
  // expected here and only here.
  const parseViolations = cspViolations.splice(violationsBefore);
  assert.ok(parseViolations.every((line) => /inline event handler/.test(line)), parseViolations.join(' | '));
  return `${parseViolations.length} inert-parse CSP notices`;
});

await check('viewer: XSS corpus pasted as text runs nothing and injects nothing', async () => {
  const text = xssArticleText();
  await viewer.fill('#text-input', text);
  await waitForViewerText(viewer, text);
  for (const item of await viewer.locator('#speakers .claim-item').all()) await item.hover();
  const report = await viewer.evaluate(() => {
    const allowed = new Set(['P', 'SPAN', 'BDI']);
    const unexpected = [...document.querySelectorAll('#article *')].filter((element) => !allowed.has(element.tagName)).map((element) => element.tagName);
    const dangerous = document.querySelectorAll('script:not([type="module"]), img, svg, iframe, object, embed, a[href^="javascript" i], [onerror], [onload], [onclick]').length;
    const attributes = [...document.querySelectorAll('#article *, #speakers *, #claim-details *')]
      .flatMap((element) => [...element.attributes].map((attribute) => attribute.name))
      .filter((name) => !/^(class|dir|lang|tabindex|type|role|hidden|aria-[a-z-]+|data-[a-z-]+)$/.test(name));
    return { xss: globalThis.__xss ?? null, unexpected, dangerous, attributes: [...new Set(attributes)] };
  });
  assert.deepEqual(report, { xss: null, unexpected: [], dangerous: 0, attributes: [] });
  assert.deepEqual(dialogs, []);
  await viewer.screenshot({ path: join(artifactsDir, 'viewer-xss.png'), fullPage: true });
  return `${XSS_PAYLOADS.length} payloads`;
});

await check('API: input over maxLength is refused with a clear error', async () => {
  const outcome = await viewer.evaluate(async () => {
    const { Isnad } = await import('/isnad.js');
    const isnad = await Isnad.load({ worker: true, maxLength: 100 });
    try {
      await isnad.extract('ق'.repeat(101));
      return { error: null };
    } catch (error) {
      return { name: error.name, code: error.code, message: error.message, mode: isnad.mode };
    } finally {
      isnad.close();
    }
  });
  assert.equal(outcome.code, 'INPUT_TOO_LONG');
  assert.match(outcome.message, /limit is 100/);
  return `${outcome.mode}: ${outcome.message.slice(0, 60)}…`;
});

await check('API: worker and in-thread give the same result', async () => {
  const both = await viewer.evaluate(async (text) => {
    const { Isnad } = await import('/isnad.js');
    const inWorker = await Isnad.load({ worker: true });
    const inThread = await Isnad.load({ worker: false });
    const results = [await inWorker.extract(text), await inThread.extract(text)];
    inWorker.close();
    inThread.close();
    return { modes: [inWorker.mode, inThread.mode], same: JSON.stringify(results[0]) === JSON.stringify(results[1]) };
  }, sampleText);
  assert.deepEqual(both, { modes: ['worker', 'main-thread'], same: true });
});

await check('API: a core at another URL, served as application/octet-stream, loads in a worker and in-thread', async () => {
  const outcome = await viewer.evaluate(async (text) => {
    const { Isnad } = await import('/isnad.js');
    const coreUrl = '/test/octet/isnad_core.mjs';
    const results = [];
    for (const worker of [true, false]) {
      const isnad = await Isnad.load({ worker, coreUrl });
      results.push({ mode: isnad.mode, json: JSON.stringify(await isnad.extract(text)) });
      isnad.close();
    }
    return results;
  }, sampleText);
  assert.deepEqual(outcome.map((result) => result.mode), ['worker', 'main-thread']);
  assert.equal(outcome[0].json, JSON.stringify(sampleResult), 'worker result');
  assert.equal(outcome[1].json, JSON.stringify(sampleResult), 'in-thread result');
});

await check("API: 'auto' runs in this thread where the CSP forbids workers, from one fetch of the .wasm", async () => {
  const page = await newPage();
  const violationsBefore = cspViolations.length;
  await page.goto(origin + '/test/no-worker.html');
  const longText = Array.from({ length: Math.ceil(LONG_TEXT_LENGTH / sampleText.length) }, () => sampleText).join('\n');
  const outcome = await page.evaluate(async ({ short, long }) => {
    const { Isnad } = await import('/isnad.js');
    const isnad = await Isnad.load();
    const result = await isnad.extract(short);
    // A text too long for this thread wants the worker, which cannot start.
    const longResult = await isnad.extract(long);
    isnad.close();
    return {
      mode: isnad.mode,
      json: JSON.stringify(result),
      longJson: JSON.stringify(longResult),
      wasmFetches: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/isnad_core.wasm')).length,
    };
  }, { short: sampleText, long: longText });
  const expectedLong = JSON.stringify(await referenceExtract(page, longText));
  await page.close();
  const blocked = cspViolations.splice(violationsBefore);
  assert.deepEqual({ mode: outcome.mode, wasmFetches: outcome.wasmFetches }, { mode: 'main-thread', wasmFetches: 1 });
  assert.equal(outcome.json, JSON.stringify(sampleResult));
  assert.equal(outcome.longJson, expectedLong, 'the long text');
  assert.ok(blocked.every((line) => /worker/i.test(line)), blocked.join(' | '));
  return `${blocked.length} CSP notices for the refused worker`;
});

await check("API: 'auto' extracts short texts in this thread until the worker is ready, long ones only in the worker", async () => {
  const page = await newPage();
  await page.goto(origin + '/test/blank.html');
  const release = await holdWorkerScript(page);
  const longText = Array.from({ length: Math.ceil(LONG_TEXT_LENGTH / sampleText.length) }, () => sampleText).join('\n');
  const early = await page.evaluate(async ({ short, long }) => {
    const { Isnad, DEFAULT_MAIN_THREAD_START_LENGTH } = await import('/isnad.js');
    const isnad = await Isnad.load();
    const result = await isnad.extract(short);
    globalThis.handover = { isnad, longDone: false };
    globalThis.handover.long = isnad.extract(long).then((longResult) => {
      globalThis.handover.longDone = true;
      return JSON.stringify(longResult);
    });
    return { mode: isnad.mode, json: JSON.stringify(result), limit: DEFAULT_MAIN_THREAD_START_LENGTH };
  }, { short: sampleText, long: longText });
  await page.waitForTimeout(500);
  const longDoneBeforeWorker = await page.evaluate(() => globalThis.handover.longDone);
  release();
  const longJson = await page.evaluate(() => globalThis.handover.long);
  const expectedLong = JSON.stringify(await referenceExtract(page, longText));
  await page.evaluate(() => globalThis.handover.isnad.close());
  await page.close();
  assert.ok(sampleText.length <= early.limit && longText.length > early.limit, 'text lengths around the limit');
  assert.deepEqual({ mode: early.mode, same: early.json === JSON.stringify(sampleResult) }, { mode: 'worker', same: true });
  assert.equal(longDoneBeforeWorker, false, 'the long text was extracted before the worker could start');
  assert.equal(longJson, expectedLong, 'the long text in the worker');
  return `${sampleText.length} code units before the worker started, ${longText.length} in the worker`;
});

await check("API: 'auto' with mainThreadStartLength 0 waits for the worker", async () => {
  const page = await newPage();
  await page.goto(origin + '/test/blank.html');
  const release = await holdWorkerScript(page);
  await page.evaluate(() => {
    globalThis.waiting = { loaded: false };
    globalThis.waiting.mode = import('/isnad.js')
      .then(({ Isnad }) => Isnad.load({ mainThreadStartLength: 0 }))
      .then((isnad) => {
        globalThis.waiting.loaded = true;
        isnad.close();
        return isnad.mode;
      });
  });
  await page.waitForTimeout(500);
  const loadedBeforeWorker = await page.evaluate(() => globalThis.waiting.loaded);
  release();
  const mode = await page.evaluate(() => globalThis.waiting.mode);
  await page.close();
  assert.deepEqual({ loadedBeforeWorker, mode }, { loadedBeforeWorker: false, mode: 'worker' });
});

const firstHighlight = await (async () => {
  const page = await newPage();
  await page.goto(origin + '/');
  await page.waitForFunction(() => performance.getEntriesByName('isnad-first-highlight').length > 0, null, WAIT);
  const time = await page.evaluate(() => performance.getEntriesByName('isnad-first-highlight')[0].startTime);
  const timings = await page.evaluate(async (text) => {
    const { Isnad } = await import('/isnad.js');
    const measure = async (isnad) => {
      const times = [];
      for (let run = 0; run < 21; run++) {
        const started = performance.now();
        await isnad.extract(text);
        times.push(performance.now() - started);
      }
      isnad.close();
      return times;
    };
    return {
      worker: await measure(await Isnad.load({ worker: true })),
      thread: await measure(await Isnad.load({ worker: false })),
    };
  }, sampleText);
  await page.close();
  return { time, timings };
})();
info(`viewer first highlight ${firstHighlight.time.toFixed(0)} ms after navigation start`);
info(
  `sample extraction median ${median(firstHighlight.timings.worker).toFixed(2)} ms via worker (round trip), ` +
    `${median(firstHighlight.timings.thread).toFixed(2)} ms in-thread (${sampleText.length} UTF-16 units)`,
);

// ---------------------------------------------------------------------------
// Widget

async function openDemo(path, { colorScheme = 'light', withoutHighlightApi = false, waitForPanel = true, holdWorker = false } = {}) {
  const page = await newPage(colorScheme);
  if (holdWorker) page.releaseWorker = await holdWorkerScript(page);
  // The page's own requests and those of its worker.
  page.requestedPaths = [];
  page.on('request', (request) => page.requestedPaths.push(new URL(request.url()).pathname));
  if (withoutHighlightApi) {
    await page.addInitScript(() => {
      delete CSS.highlights;
      delete globalThis.Highlight;
    });
  }
  // The page as parsed, before any widget code ran.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      globalThis.beforeWidget = {
        html: document.documentElement.outerHTML,
        text: document.body.textContent,
        articles: [...document.querySelectorAll('article, [data-isnad]')].map((element) => element.innerHTML),
        articleElements: [...document.querySelectorAll('article, [data-isnad]')].map((element) => ({
          outerHTML: element.outerHTML,
          elements: element.querySelectorAll('*').length,
        })),
      };
    });
  });
  await page.goto(origin + path);
  if (waitForPanel) await page.waitForFunction(() => document.querySelector('isnad-panel')?.dataset.state === 'ready', null, WAIT);
  return page;
}

// The files a page that only includes the widget may load, and those that
// only a page with article text to analyse needs.
const WIDGET_MODULES = ['/isnad-widget.js', '/isnad-viewer-element.js', '/isnad-render.js', '/isnad.js', '/isnad-core-bridge.js'];
const CORE_FILES = ['/isnad_core.mjs', '/isnad_core.wasm', '/isnad-worker.js', '/isnad-render.css'];

// Claim highlights by the index of the host page's article that holds them.
function claimHighlightsByArticle(page) {
  return page.evaluate(() => {
    const articles = [...document.querySelectorAll('article')];
    const byArticle = articles.map(() => []);
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('isnad-claim-')) continue;
      for (const range of highlight) {
        const index = articles.findIndex((article) => article.contains(range.commonAncestorContainer));
        if (index >= 0) byArticle[index].push(range.toString());
      }
    }
    return byArticle;
  });
}

async function widgetExpectations(page) {
  return page.evaluate(async () => {
    const { readArticle, findArticles } = await import('/isnad-widget.js');
    const { Isnad } = await import('/isnad.js');
    globalThis.referenceIsnad ??= await Isnad.load({ worker: false });
    const articles = [];
    for (const element of findArticles()) {
      const { text } = readArticle(element);
      articles.push({ text, result: await globalThis.referenceIsnad.extract(text) });
    }
    return articles;
  });
}

const demo = await openDemo('/demo.html');

await check('widget: highlights the demo page claims in place', async () => {
  const expected = await widgetExpectations(demo);
  const claims = expected.reduce((sum, article) => sum + article.result.claims.length, 0);
  const painted = await demo.evaluate(() => {
    const byKind = { claim: [], mention: 0, cue: 0 };
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('isnad-claim-')) byKind.claim.push(...[...highlight].map((range) => range.toString()));
      else if (name.startsWith('isnad-mention-')) byKind.mention += highlight.size;
      else if (name.startsWith('isnad-cue-')) byKind.cue += highlight.size;
    }
    const host = document.querySelector('isnad-panel');
    return { ...byKind, mode: host.dataset.mode, claims: Number(host.dataset.claims), articles: Number(host.dataset.articles) };
  });
  assert.equal(painted.mode, 'highlight-api');
  assert.equal(painted.articles, expected.length, 'articles');
  assert.equal(painted.claims, claims, 'claims counted by the widget');
  assert.ok(claims > 0, 'the module found no claim on the demo page');
  const squash = (text) => text.replace(/\s+/g, ' ').trim();
  const contents = expected.flatMap((article) => article.result.claims.map((claim) => squash(claim.content.text))).sort();
  assert.deepEqual(painted.claim.map(squash).sort(), contents, 'highlighted ranges hold the claim contents');
  const mentions = expected.reduce((sum, article) => sum + article.result.speakers.reduce((count, speaker) => count + speaker.mentions.length, 0), 0);
  assert.equal(painted.mention, mentions, 'speaker mentions highlighted');
  return `${expected.length} articles, ${claims} claims, ${mentions} mentions, ${painted.cue} cues`;
});

await check('widget: the core is fetched once, and its .wasm compiled once, for page and worker', async () => {
  const count = (path) => demo.requestedPaths.filter((requested) => requested === path).length;
  assert.equal(count('/isnad_core.wasm'), 1, '.wasm requests');
  const { threadCompiles } = await demo.evaluate(async () => {
    // A further in-thread instance reuses the compiled module: no new request.
    const { Isnad } = await import('/isnad.js');
    const isnad = await Isnad.load({ worker: false });
    isnad.close();
    return { threadCompiles: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/isnad_core.wasm')).length };
  });
  assert.equal(threadCompiles, 1, '.wasm fetched by the page');
  assert.equal(count('/isnad_core.wasm'), 1, '.wasm requests after a second instance');
  return `${demo.requestedPaths.length} requests`;
});

info(
  `widget first highlight ${(await demo.evaluate(() => performance.getEntriesByName('isnad-widget-first-highlight')[0]?.startTime ?? NaN)).toFixed(0)} ms after navigation start`,
);

await check('widget: short articles are highlighted before the worker has started', async () => {
  const page = await openDemo('/demo.html', { holdWorker: true });
  const report = await page.evaluate(() => ({
    claims: Number(document.querySelector('isnad-panel').dataset.claims),
    highlights: [...CSS.highlights].filter(([name, highlight]) => name.startsWith('isnad-claim-') && highlight.size > 0).length,
    text: document.body.textContent === globalThis.beforeWidget.text,
  }));
  const expected = await widgetExpectations(page);
  // The worker is started after the first results, for later ones.
  for (let tries = 0; tries < 100 && !page.requestedPaths.includes('/isnad-worker.js'); tries++) await page.waitForTimeout(100);
  const workerRequested = page.requestedPaths.includes('/isnad-worker.js');
  page.releaseWorker();
  await page.close();
  assert.equal(workerRequested, true, 'the worker was not started after the first results');
  assert.equal(report.claims, expected.reduce((sum, article) => sum + article.result.claims.length, 0), 'claims');
  assert.ok(report.highlights > 0, 'no claim highlighted');
  assert.equal(report.text, true, 'page text changed');
  return `${report.claims} claims`;
});

await check('widget: an article too long for the page\'s thread waits for the worker', async () => {
  const page = await openDemo('/test/long-article.html', { holdWorker: true, waitForPanel: false });
  await page.waitForFunction(() => document.querySelector('isnad-panel')?.dataset.state === 'busy', null, WAIT);
  await page.waitForTimeout(500);
  const stateBeforeWorker = await page.evaluate(() => document.querySelector('isnad-panel').dataset.state);
  page.releaseWorker();
  await page.waitForFunction(() => document.querySelector('isnad-panel').dataset.state === 'ready', null, WAIT);
  const [expected] = await widgetExpectations(page);
  const report = await page.evaluate(() => ({
    claims: Number(document.querySelector('isnad-panel').dataset.claims),
    text: document.body.textContent === globalThis.beforeWidget.text,
  }));
  await page.close();
  assert.ok(expected.text.length > LONG_TEXT_LENGTH - sampleText.length, `article of ${expected.text.length} code units`);
  assert.deepEqual({ stateBeforeWorker, ...report }, { stateBeforeWorker: 'busy', claims: expected.result.claims.length, text: true });
  return `${expected.text.length} code units, ${report.claims} claims`;
});

await check('widget: the page text and article markup are unchanged', async () => {
  const same = await demo.evaluate(() => ({
    text: document.body.textContent === globalThis.beforeWidget.text,
    articles: JSON.stringify([...document.querySelectorAll('article, [data-isnad]')].map((element) => element.innerHTML)) ===
      JSON.stringify(globalThis.beforeWidget.articles),
  }));
  assert.deepEqual(same, { text: true, articles: true });
});

await check('widget: panel in a shadow root lists claims; Enter on one highlights it', async () => {
  const toggle = demo.locator('isnad-panel').locator('button.toggle');
  await toggle.focus();
  await demo.keyboard.press('Enter');
  const claimButtons = demo.locator('isnad-panel').locator('button.claim');
  const count = await claimButtons.count();
  assert.equal(count, Number(await demo.evaluate(() => document.querySelector('isnad-panel').dataset.claims)));
  await demo.keyboard.press('Tab');
  const focusedClaim = await demo.evaluate(() => document.querySelector('isnad-panel').shadowRoot.activeElement?.className);
  assert.equal(focusedClaim, 'claim', 'Tab from the panel did not reach a claim');
  await demo.keyboard.press('Enter');
  const active = await demo.evaluate(() => CSS.highlights.get('isnad-active').size);
  assert.ok(active > 0, 'no active highlight');
  await demo.screenshot({ path: join(artifactsDir, 'demo-panel.png') });
  await demo.keyboard.press('Escape');
  assert.equal(await demo.locator('isnad-panel').locator('.panel').isHidden(), true, 'Escape did not close the panel');
  return `${count} claims listed`;
});

await check('widget: demo page screenshots, light and dark', async () => {
  await demo.screenshot({ path: join(artifactsDir, 'demo-light.png'), fullPage: true });
  const dark = await openDemo('/demo.html', { colorScheme: 'dark' });
  await dark.screenshot({ path: join(artifactsDir, 'demo-dark.png'), fullPage: true });
  await dark.close();
  return 'demo-light.png, demo-dark.png';
});

await check('widget: an article that changes after load is highlighted again', async () => {
  const before = await demo.evaluate(() => Number(document.querySelector('isnad-panel').dataset.claims));
  await demo.evaluate(() => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'وقال الخطيب للصحفيين: «سنعلن حزمة دعم جديدة للمصدّرين خلال أسبوعين».';
    document.querySelector('article').append(paragraph);
  });
  const expected = await widgetExpectations(demo);
  const claims = expected.reduce((sum, article) => sum + article.result.claims.length, 0);
  await demo.waitForFunction(
    (count) => {
      const host = document.querySelector('isnad-panel');
      return host.dataset.state === 'ready' && Number(host.dataset.claims) === count &&
        [...CSS.highlights].some(([name, highlight]) => name.startsWith('isnad-claim-') && [...highlight].some((range) => range.toString().includes('حزمة دعم')));
    },
    claims,
    WAIT,
  );
  return `${before} → ${claims} claims`;
});

await check('widget: without the Highlight API it draws overlay boxes', async () => {
  const page = await openDemo('/demo.html', { withoutHighlightApi: true });
  // The boxes are drawn in the animation frame after the results arrive,
  // which can come after the panel says it is ready.
  await page
    .waitForFunction(() => document.querySelector('isnad-panel').shadowRoot.querySelector('.box-claim') !== null, null, WAIT)
    .catch(() => {});
  const overlay = await page.evaluate(() => {
    const host = document.querySelector('isnad-panel');
    return {
      mode: host.dataset.mode,
      claimBoxes: host.shadowRoot.querySelectorAll('.box-claim').length,
      textSame: document.body.textContent === globalThis.beforeWidget.text,
    };
  });
  await page.screenshot({ path: join(artifactsDir, 'demo-overlay.png'), fullPage: true });
  await page.close();
  assert.equal(overlay.mode, 'overlay');
  assert.ok(overlay.claimBoxes > 0, 'no overlay boxes');
  assert.equal(overlay.textSame, true, 'page text changed');
  return `${overlay.claimBoxes} claim boxes`;
});

await check('widget: a page with no article is left alone, and nothing but the widget is loaded', async () => {
  const errorsBefore = pageErrors.length;
  const page = await openDemo('/test/no-article.html', { waitForPanel: false });
  // The widget module has run once this import resolves; then a debounce's
  // time passes for anything it might do later.
  await page.evaluate(() => import('/isnad-widget.js'));
  await page.waitForTimeout(600);
  const report = await page.evaluate(() => ({
    html: document.documentElement.outerHTML === globalThis.beforeWidget.html,
    panel: document.querySelector('isnad-panel') !== null,
    highlights: CSS.highlights.size,
    adoptedSheets: document.adoptedStyleSheets.length,
  }));
  const fetched = [...new Set(page.requestedPaths)];
  await page.close();
  assert.deepEqual(pageErrors.slice(errorsBefore), [], 'page errors');
  assert.deepEqual(report, { html: true, panel: false, highlights: 0, adoptedSheets: 0 });
  assert.ok(fetched.includes('/isnad-widget.js'), 'the widget was never requested');
  const others = fetched.filter((path) => !['/test/no-article.html', '/favicon.svg', ...WIDGET_MODULES].includes(path));
  assert.deepEqual(others, [], 'requests beyond the widget modules');
  return `${fetched.length} files requested`;
});

await check('widget: a page whose main has too little text says so, without loading the core', async () => {
  const errorsBefore = pageErrors.length;
  const page = await openDemo('/test/short-main.html');
  await page.waitForTimeout(600);
  const host = page.locator('isnad-panel');
  await host.locator('button.toggle').click();
  const report = await page.evaluate(() => {
    const panel = document.querySelector('isnad-panel');
    return {
      html: document.documentElement.outerHTML.replace(/<isnad-panel[^>]*><\/isnad-panel>/, '') === globalThis.beforeWidget.html,
      state: panel.dataset.state,
      articles: panel.dataset.articles,
      claims: panel.dataset.claims,
      message: panel.shadowRoot.querySelector('.panel .content').textContent.trim(),
    };
  });
  const fetched = [...new Set(page.requestedPaths)];
  await page.close();
  assert.deepEqual(pageErrors.slice(errorsBefore), [], 'page errors');
  assert.deepEqual(report, { html: true, state: 'ready', articles: '0', claims: '0', message: 'No article text found.' });
  assert.deepEqual(fetched.filter((path) => CORE_FILES.includes(path)), [], 'core files requested');
  return report.message;
});

await check('widget: ten <article>s each get their claim highlighted and listed', async () => {
  const page = await openDemo('/test/ten-articles.html');
  const expected = await widgetExpectations(page);
  assert.equal(expected.length, TEN_ARTICLE_CLAIMS.length, 'articles found');
  expected.forEach((article, index) => assert.equal(article.result.claims.length, 1, `claims the module finds in article ${index + 1}`));
  const highlighted = await claimHighlightsByArticle(page);
  highlighted.forEach((ranges, index) => {
    assert.equal(ranges.length, 1, `claim highlights in article ${index + 1}`);
    assert.ok(ranges[0].includes(TEN_ARTICLE_CLAIMS[index][1]), `article ${index + 1} highlights "${ranges[0]}"`);
  });
  const report = await page.evaluate(() => {
    const host = document.querySelector('isnad-panel');
    return {
      articles: Number(host.dataset.articles),
      claims: Number(host.dataset.claims),
      listed: [...host.shadowRoot.querySelectorAll('.content > section')].map((section) => ({
        heading: section.querySelector('h3')?.textContent,
        claims: [...section.querySelectorAll('button.claim .claim-text')].map((claim) => claim.textContent),
      })),
      text: document.body.textContent === globalThis.beforeWidget.text,
      html: JSON.stringify([...document.querySelectorAll('article')].map((element) => element.innerHTML)) ===
        JSON.stringify(globalThis.beforeWidget.articles),
    };
  });
  await page.close();
  assert.deepEqual({ articles: report.articles, claims: report.claims, text: report.text, html: report.html }, { articles: 10, claims: 10, text: true, html: true });
  assert.deepEqual(
    report.listed.map((section) => section.heading),
    TEN_ARTICLE_CLAIMS.map((_, index) => `Article ${index + 1}`),
    'panel sections',
  );
  report.listed.forEach((section, index) => {
    assert.equal(section.claims.length, 1, `claims listed for article ${index + 1}`);
    assert.ok(section.claims[0].includes(TEN_ARTICLE_CLAIMS[index][1]), `article ${index + 1} lists "${section.claims[0]}"`);
  });
  return `${report.claims} claims in ${report.articles} articles`;
});

await check("widget: the host page's click handlers still fire once, and the article's markup is kept", async () => {
  const page = await openDemo('/test/handlers.html');
  const [highlighted] = await claimHighlightsByArticle(page);
  assert.equal(highlighted.length, 1, 'claim highlights in the article');
  const registeredFirst = await page.evaluate(() => !globalThis.hostClicks.widgetDefinedAtRegistration);
  assert.equal(registeredFirst, true, 'the widget ran before the page registered its handlers');
  await page.click('#share');
  const after = await page.evaluate(() => {
    const article = document.getElementById('story');
    const [before] = globalThis.beforeWidget.articleElements;
    return {
      clicks: { listener: globalThis.hostClicks.listener, property: globalThis.hostClicks.property },
      elements: article.querySelectorAll('*').length === before.elements,
      outerHTML: article.outerHTML === before.outerHTML,
      text: document.body.textContent === globalThis.beforeWidget.text,
    };
  });
  await page.close();
  assert.deepEqual(after, { clicks: { listener: 1, property: 1 }, elements: true, outerHTML: true, text: true });
  return 'one call of each handler';
});

await check('<isnad-viewer> renders its text with claims', async () => {
  const page = await newPage();
  await page.goto(origin + '/test/viewer-element.html');
  await page.waitForFunction(() => document.querySelector('isnad-viewer').result !== null, null, WAIT);
  const rendered = await page.evaluate(() => {
    const element = document.querySelector('isnad-viewer');
    return {
      claims: new Set([...element.shadowRoot.querySelectorAll('.isnad-claim')].map((claim) => claim.dataset.claim)).size,
      text: element.shadowRoot.querySelector('.isnad-article').textContent,
    };
  });
  await page.screenshot({ path: join(artifactsDir, 'isnad-viewer-element.png'), fullPage: true });
  await page.close();
  assert.equal(rendered.text, renderedTextOf(sampleText));
  assert.equal(rendered.claims, sampleResult.claims.filter((claim) => validSpan(claim.content, sampleText)).length);
  return `${rendered.claims} claims`;
});

for (const [label, path] of [
  ['with CSP', '/test/xss-demo.html'],
  ['without CSP', '/test/nocsp/xss-demo.html'],
]) {
  await check(`widget: XSS corpus in a news page (${label}) runs nothing and injects nothing`, async () => {
    const page = await openDemo(path);
    await page.waitForFunction(() => document.querySelector('isnad-viewer')?.result != null, null, WAIT);
    const report = await page.evaluate(() => ({
      xss: globalThis.__xss ?? null,
      text: document.body.textContent === globalThis.beforeWidget.text,
      articles: JSON.stringify([...document.querySelectorAll('article, [data-isnad]')].map((element) => element.innerHTML)) ===
        JSON.stringify(globalThis.beforeWidget.articles),
      viewerElements: [...document.querySelector('isnad-viewer').shadowRoot.querySelectorAll('.isnad-article *')]
        .map((element) => element.tagName)
        .filter((tag) => !['P', 'SPAN', 'BDI'].includes(tag)),
      claims: Number(document.querySelector('isnad-panel').dataset.claims),
    }));
    await page.close();
    assert.deepEqual({ ...report, claims: undefined }, { xss: null, text: true, articles: true, viewerElements: [], claims: undefined });
    assert.deepEqual(dialogs, []);
    return `${report.claims} claims found among the payloads`;
  });
}

// ---------------------------------------------------------------------------
// Whole-run checks

await check('no request left the test server', async () => {
  assert.deepEqual(foreignRequests, []);
  return `${requests.length} requests, all to ${origin}`;
});
await check('no failed responses, page errors or CSP violations', async () => {
  assert.deepEqual({ failedResponses, pageErrors, cspViolations }, { failedResponses: [], pageErrors: [], cspViolations: [] });
});

const widgetFiles = ['isnad-widget.js', 'isnad-viewer-element.js', 'isnad-render.js', 'isnad.js', 'isnad-core-bridge.js', 'isnad-worker.js', 'isnad_core.mjs', 'isnad_core.wasm'];
let widgetRaw = 0;
let widgetBrotli = 0;
for (const file of widgetFiles) {
  const bytes = readFileSync(join(bundleDir, file));
  const compressed = brotliCompressSync(bytes).length;
  widgetRaw += bytes.length;
  widgetBrotli += compressed;
  info(`widget download ${file}: ${bytes.length} bytes, ${compressed} brotli`);
}
info(`widget download total: ${widgetRaw} bytes, ${widgetBrotli} brotli`);
info(`screenshots in ${artifactsDir}`);

await context.close();
await server.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
