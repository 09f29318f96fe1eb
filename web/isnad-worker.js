// Module worker that owns one instance of the wasm core; see isnad.js.
import { loadCore } from './isnad-core-bridge.js';

let coreUrl = null;
let corePromise = null;

function core() {
  corePromise ??= loadCore(coreUrl).catch((error) => {
    corePromise = null;
    throw error;
  });
  return corePromise;
}

self.addEventListener('message', async ({ data }) => {
  const { id, type } = data;
  try {
    if (type === 'init') {
      coreUrl = data.coreUrl;
      self.postMessage({ id, ok: true, value: (await core()).version });
    } else if (type === 'extract') {
      const loaded = await core();
      let value;
      try {
        value = loaded.extract(data.text);
      } catch (error) {
        // A trap may leave the instance inconsistent: start afresh next time.
        corePromise = null;
        throw error;
      }
      self.postMessage({ id, ok: true, value });
    } else {
      throw new Error('unknown request ' + type);
    }
  } catch (error) {
    self.postMessage({ id, ok: false, error: { code: 'CORE_FAILED', message: String(error?.message ?? error) } });
  }
});
