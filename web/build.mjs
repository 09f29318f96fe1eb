#!/usr/bin/env node
// Assembles the browser bundle: node web/build.mjs <wasm dir> <out dir>
// Copies the viewer, widget, JS API, the wasm module and the Arabic font
// subset into one flat directory that any static server can serve.
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(webDir, '..');

const WEB_FILES = [
  'index.html',
  'viewer.css',
  'viewer.js',
  'viewer-input.js',
  'isnad.js',
  'isnad.d.ts',
  'isnad-core-bridge.js',
  'isnad-worker.js',
  'isnad-render.js',
  'isnad-render.css',
  'isnad-widget.js',
  'isnad-viewer-element.js',
  'sample-ar.txt',
  'demo.html',
  'demo.css',
  'favicon.svg',
];
const WASM_FILES = ['isnad_core.mjs', 'isnad_core.wasm'];
const FONT_PACKAGE = join(repoDir, 'node_modules', '@fontsource', 'noto-naskh-arabic');
// Regular and bold are the weights the pages use; only the Arabic subset is
// shipped; Latin text falls back to the system fonts.
const FONT_WEIGHTS = [400, 700];

async function exists(path) {
  return stat(path).then(() => true, () => false);
}

async function buildFonts(outDir) {
  const fontsDir = join(outDir, 'fonts');
  await mkdir(fontsDir, { recursive: true });
  const rules = [];
  for (const weight of FONT_WEIGHTS) {
    const css = await readFile(join(FONT_PACKAGE, `arabic-${weight}.css`), 'utf8');
    const woff2 = css.match(/url\(\.\/files\/([^)]+\.woff2)\)/)?.[1];
    if (!woff2) throw new Error(`no woff2 in arabic-${weight}.css`);
    await copyFile(join(FONT_PACKAGE, 'files', woff2), join(fontsDir, woff2));
    // Keep the package's @font-face but point it at the woff2 copy alone.
    rules.push(css.replace(/src:[^;]+;/, `src: url(./${woff2}) format('woff2');`));
  }
  const license = await readFile(join(FONT_PACKAGE, 'LICENSE'), 'utf8');
  await writeFile(join(fontsDir, 'LICENSE-noto-naskh-arabic.txt'), license);
  await writeFile(join(fontsDir, 'noto-naskh-arabic.css'), rules.join('\n') + '\n');
}

async function main() {
  const [wasmArg, outArg] = process.argv.slice(2);
  if (!wasmArg || !outArg) {
    console.error('usage: node web/build.mjs <wasm dir> <out dir>');
    process.exit(2);
  }
  const wasmDir = resolve(wasmArg);
  const outDir = resolve(outArg);
  for (const file of WASM_FILES) {
    if (!(await exists(join(wasmDir, file)))) {
      console.error(`build.mjs: ${join(wasmDir, file)} is missing; build the wasm module first`);
      process.exit(1);
    }
  }
  if (!(await exists(FONT_PACKAGE))) {
    console.error(`build.mjs: ${FONT_PACKAGE} is missing; run npm ci`);
    process.exit(1);
  }
  await mkdir(outDir, { recursive: true });
  for (const file of WEB_FILES) await copyFile(join(webDir, file), join(outDir, file));
  for (const file of WASM_FILES) await copyFile(join(wasmDir, file), join(outDir, file));
  await buildFonts(outDir);
  console.log(`build.mjs: web bundle in ${outDir}`);
}

main().catch((error) => {
  console.error('build.mjs:', error.message);
  process.exit(1);
});
