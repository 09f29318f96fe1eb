// Module worker that owns one instance of the wasm core; see isnad.js. Its URL
// names the core's glue (?core=…), so the glue and the bridge are fetched as
// soon as the worker starts; the page compiles the .wasm meanwhile and sends
// the WebAssembly.Module with 'init'.
const coreUrl = new URL(self.location.href).searchParams.get('core');
const bridge = import('./isnad-core-bridge.js');
const glue = import(coreUrl);
// Failures are reported by the requests that need these.
bridge.catch(() => {});
glue.catch(() => {});

let wasmModule = null;
let corePromise = null;

function core() {
  corePromise ??= bridge.then(({ loadCore }) => loadCore(coreUrl, wasmModule ?? undefined, glue)).catch((error) => {
    corePromise = null;
    throw error;
  });
  return corePromise;
}

self.addEventListener('message', async ({ data }) => {
  const { id, type } = data;
  try {
    if (type === 'init') {
      wasmModule = data.module ?? null;
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
