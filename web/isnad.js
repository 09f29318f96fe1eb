// Isnad: attributed claims (who said what) in Arabic and English news text,
// found by a WebAssembly core that runs in a Web Worker or in this thread.
//
//   import { Isnad } from './isnad.js';
//   const isnad = await Isnad.load();
//   const result = await isnad.extract(text);

import { compileCore, loadCore } from './isnad-core-bridge.js';

export const DEFAULT_MAX_LENGTH = 1_000_000;
// About 3,000 Arabic words: a few milliseconds of extraction once the core
// is warm, so this thread is never held long by a text the worker would take.
export const DEFAULT_MAIN_THREAD_START_LENGTH = 20_000;

export class IsnadError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'IsnadError';
    this.code = code;
  }
}

const defaultCoreUrl = new URL('./isnad_core.mjs', import.meta.url);
const defaultWorkerUrl = new URL('./isnad-worker.js', import.meta.url);

// One compiled WebAssembly.Module per core URL, shared by every instance in
// this thread and posted to the workers: the .wasm is fetched and compiled once.
const compiledCores = new Map();

function compiledCore(coreUrl) {
  const key = String(coreUrl);
  let compiled = compiledCores.get(key);
  if (!compiled) {
    compiled = compileCore(coreUrl);
    compiledCores.set(key, compiled);
    // A failed fetch is tried again by the next load().
    compiled.catch(() => compiledCores.get(key) === compiled && compiledCores.delete(key));
  }
  return compiled;
}

// Runs the core in this thread. A trap inside the core can leave its memory
// inconsistent, so after a failure the next call starts a fresh instance.
class InThreadBackend {
  mode = 'main-thread';
  #coreUrl;
  #module;
  #core = null;

  constructor(coreUrl, module) {
    this.#coreUrl = coreUrl;
    this.#module = module;
  }

  async start() {
    this.#core = await loadCore(this.#coreUrl, this.#module);
    return this.#core.version;
  }

  async extract(text) {
    if (!this.#core) await this.start();
    try {
      return this.#core.extract(text);
    } catch (error) {
      this.#core = null;
      throw error;
    }
  }

  close() {
    this.#core = null;
  }
}

class WorkerBackend {
  mode = 'worker';
  #worker;
  #pending = new Map();
  #nextId = 1;
  #failure = null;
  #module;

  constructor(workerUrl, coreUrl, module) {
    this.#module = module;
    // The worker imports the core's glue from its own URL as soon as it starts.
    const url = new URL(workerUrl);
    url.searchParams.set('core', coreUrl);
    this.#worker = new Worker(url, { type: 'module', name: 'isnad' });
    this.#worker.addEventListener('message', (event) => this.#settle(event.data));
    // A worker script that cannot load or crashes reports here, not as a reply.
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#failAll(new IsnadError('WORKER_FAILED', 'isnad worker failed: ' + (event.message || 'could not load ' + workerUrl)));
    });
    this.#worker.addEventListener('messageerror', () => {
      this.#failAll(new IsnadError('WORKER_FAILED', 'isnad worker sent a message that could not be read'));
    });
  }

  // The worker starts while this thread compiles the module; it instantiates it.
  async start() {
    return this.#request({ type: 'init', module: await this.#module });
  }

  extract(text) {
    return this.#request({ type: 'extract', text });
  }

  close() {
    this.#worker.terminate();
    this.#failAll(new IsnadError('CLOSED', 'isnad was closed'));
  }

  #request(message) {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...message });
    });
  }

  #settle({ id, ok, value, error }) {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (ok) pending.resolve(value);
    else pending.reject(new IsnadError(error.code ?? 'CORE_FAILED', error.message));
  }

  #failAll(error) {
    this.#failure ??= error;
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}

// With worker 'auto': texts up to maxInThreadLength code units are extracted
// in this thread, by an instance of the module already compiled here, until
// the worker is ready; then the worker takes every text. The first results do
// not wait for the worker's start, and a long text never runs in this thread.
// Where no worker can start, every text runs in this thread, as with 'auto'.
class HandoverBackend {
  #createWorker;
  #worker = null;
  #workerReady = null;
  #workerFailed = false;
  #inThread;
  #maxInThreadLength;

  constructor(createWorker, inThread, maxInThreadLength) {
    this.#createWorker = createWorker;
    this.#inThread = inThread;
    this.#maxInThreadLength = maxInThreadLength;
  }

  get mode() {
    return this.#workerFailed ? 'main-thread' : 'worker';
  }

  async start() {
    try {
      return await this.#inThread.start();
    } catch (error) {
      this.#inThread = null;
      return this.#startWorker().catch(() => Promise.reject(error));
    }
  }

  extract(text) {
    if (this.#inThread && (this.#workerFailed || text.length <= this.#maxInThreadLength)) {
      const result = this.#inThread.extract(text);
      // The worker starts once this thread is done with the text, so that on
      // a busy machine it does not compete with the first results for a core.
      if (!this.#workerReady) setTimeout(() => this.#startWorker().catch(() => {}));
      return result;
    }
    return this.#startWorker().then(
      () => this.#worker.extract(text),
      (error) => (this.#inThread ? this.#inThread.extract(text) : Promise.reject(error)),
    );
  }

  close() {
    this.#worker?.close();
    this.#inThread?.close();
    this.#inThread = null;
    this.#workerReady ??= Promise.reject(new IsnadError('CLOSED', 'isnad was closed'));
    this.#workerReady.catch(() => {});
  }

  // Starts the worker, once; the instance in this thread goes when it is ready.
  #startWorker() {
    this.#workerReady ??= new Promise((resolve) => {
      this.#worker = this.#createWorker();
      resolve(this.#worker.start());
    }).then(
      (version) => {
        this.#inThread?.close();
        this.#inThread = null;
        return version;
      },
      (error) => {
        this.#workerFailed = true;
        this.#worker?.close();
        throw error;
      },
    );
    return this.#workerReady;
  }
}

export class Isnad {
  #backend;
  #mode;

  /** @private use Isnad.load() */
  constructor(backend, version, maxLength) {
    this.#backend = backend;
    this.version = version;
    this.maxLength = maxLength;
  }

  /** 'worker', or 'main-thread' where extraction runs in this thread. */
  get mode() {
    return this.#backend?.mode ?? this.#mode;
  }

  static async load(options = {}) {
    const {
      worker = 'auto',
      maxLength = DEFAULT_MAX_LENGTH,
      mainThreadStartLength = DEFAULT_MAIN_THREAD_START_LENGTH,
      coreUrl = defaultCoreUrl,
      workerUrl = defaultWorkerUrl,
    } = options;
    if (!(Number.isInteger(maxLength) && maxLength > 0)) {
      throw new RangeError('maxLength must be a positive integer, got ' + maxLength);
    }
    if (!(Number.isInteger(mainThreadStartLength) && mainThreadStartLength >= 0)) {
      throw new RangeError('mainThreadStartLength must be a non-negative integer, got ' + mainThreadStartLength);
    }
    const resolvedCoreUrl = new URL(coreUrl, import.meta.url);
    const module = compiledCore(resolvedCoreUrl);

    const wantWorker = worker === true || (worker === 'auto' && typeof Worker === 'function');
    if (wantWorker) {
      let backend;
      try {
        const createWorker = () => new WorkerBackend(new URL(workerUrl, import.meta.url), resolvedCoreUrl, module);
        backend =
          worker === 'auto' && mainThreadStartLength > 0
            ? new HandoverBackend(createWorker, new InThreadBackend(resolvedCoreUrl, module), mainThreadStartLength)
            : createWorker();
        const version = await backend.start();
        return new Isnad(backend, version, maxLength);
      } catch (error) {
        backend?.close();
        // 'auto' falls back to this thread, e.g. where a page's CSP forbids workers.
        if (worker === true) throw wrapLoadError(error);
      }
    }
    try {
      const backend = new InThreadBackend(resolvedCoreUrl, module);
      const version = await backend.start();
      return new Isnad(backend, version, maxLength);
    } catch (error) {
      throw wrapLoadError(error);
    }
  }

  async extract(text) {
    if (typeof text !== 'string') {
      throw new TypeError('Isnad.extract expects a string, got ' + (text === null ? 'null' : typeof text));
    }
    if (text.length > this.maxLength) {
      throw new IsnadError(
        'INPUT_TOO_LONG',
        `The text is ${text.length.toLocaleString('en')} characters (UTF-16 code units) long; ` +
          `the limit is ${this.maxLength.toLocaleString('en')}. Pass a larger maxLength to Isnad.load() to raise it.`,
      );
    }
    if (!this.#backend) throw new IsnadError('CLOSED', 'isnad was closed');
    return this.#backend.extract(text);
  }

  close() {
    if (!this.#backend) return;
    this.#mode = this.#backend.mode;
    this.#backend.close();
    this.#backend = null;
  }
}

function wrapLoadError(error) {
  if (error instanceof IsnadError) return error;
  return new IsnadError('LOAD_FAILED', 'could not load the isnad core: ' + (error?.message ?? error), { cause: error });
}
