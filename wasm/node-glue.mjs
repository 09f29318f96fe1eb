// What the tests and benchmarks need to run the wasm core under Node.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

// The glue's Node branch uses require and __dirname, which ES modules lack:
// they are set for the glue at modulePath before it is imported.
export function prepareGlue(modulePath) {
  globalThis.require = createRequire(modulePath);
  globalThis.__dirname = dirname(modulePath);
}

// Unpaired surrogates as U+FFFD, as String.prototype.toWellFormed (Node 20)
// gives them; Node 18, Debian's, lacks it.
export function wellFormed(s) {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
