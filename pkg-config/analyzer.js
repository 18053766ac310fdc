// createAnalyzer(): the engine in a Web Worker behind a Promise, so a page
// stays responsive while a long article is analysed. One worker per analyzer;
// requests run one after another, and a request can be cancelled.

/**
 * Starts a worker running the engine. `analyze(text, { onProgress, signal })`
 * resolves with the result (and rejects with an Error); `terminate()` stops
 * the worker. `workerUrl` is for hosts that serve `worker.js` elsewhere;
 * `worker` adopts a worker the page already started on `worker.js` (a page
 * can start it from a tiny script in its head, so the engine loads while
 * the rest of the page does).
 * @param {{ workerUrl?: URL | string, worker?: Worker }} [settings]
 */
export function createAnalyzer(settings = {}) {
  if (typeof Worker !== 'function') {
    throw new Error('whosaid.createAnalyzer: this environment has no Web Workers; use `init()` and `analyze()` instead');
  }
  // NOTE: the literal `new Worker(new URL('./worker.js', import.meta.url))`
  // shape is what bundlers recognise to emit the worker file.
  const worker = settings.worker
    ? settings.worker
    : settings.workerUrl
    ? new Worker(settings.workerUrl, { type: 'module', name: 'whosaid' })
    : new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'whosaid' });
  const pending = new Map();
  let nextId = 1;
  let dead = null;

  worker.addEventListener('message', (event) => {
    const msg = event.data;
    const job = pending.get(msg.id);
    if (!job) return;
    if (msg.type === 'progress') {
      job.onProgress?.({ done: msg.done, total: msg.total });
      return;
    }
    pending.delete(msg.id);
    job.signal?.removeEventListener('abort', job.abort);
    if (msg.type === 'result') job.resolve(msg.result);
    else job.reject(toError(msg));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    dead = new Error(`whosaid: the worker failed to start or crashed (${event.message || 'no message'})`);
    for (const job of pending.values()) job.reject(dead);
    pending.clear();
  });

  function request(message, onProgress, signal) {
    if (dead) return Promise.reject(dead);
    if (signal?.aborted) return Promise.reject(abortError());
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const abort = () => {
        worker.postMessage({ type: 'cancel', id });
        pending.delete(id);
        reject(abortError());
      };
      pending.set(id, { resolve, reject, onProgress, signal, abort });
      signal?.addEventListener('abort', abort, { once: true });
      worker.postMessage({ ...message, id });
    });
  }

  return {
    /**
     * @param {string} text
     * @param {{ offsets?: string, continuations?: string, onProgress?: (p: {done: number, total: number}) => void, signal?: AbortSignal }} [options]
     */
    analyze(text, options = {}) {
      if (typeof text !== 'string') {
        return Promise.reject(new TypeError('whosaid.analyze: the text must be a string'));
      }
      const { onProgress, signal, ...engineOptions } = options;
      return request({ type: 'analyze', text, options: engineOptions }, onProgress, signal);
    },
    /** The engine's version, from the worker. */
    version() {
      return request({ type: 'version' });
    },
    /** Stops the worker; pending requests reject. */
    terminate() {
      worker.terminate();
      dead = new Error('whosaid: the analyzer was terminated');
      for (const job of pending.values()) job.reject(dead);
      pending.clear();
    },
  };
}

function toError(msg) {
  const error = msg.name === 'TypeError' ? new TypeError(msg.message) : new Error(msg.message);
  if (msg.name === 'AbortError') error.name = 'AbortError';
  return error;
}

function abortError() {
  const error = new Error('whosaid: the analysis was cancelled');
  error.name = 'AbortError';
  return error;
}
