// The Web Worker behind createAnalyzer(): loads the engine once, analyses
// long texts piece by piece (the engine cuts and merges them, src/pieces.rs,
// so the result is exactly `analyze()`'s) to report progress and notice a
// cancel between pieces, and sends errors back as plain messages.
// NOTE: engine.js, not index.js (which would also load analyzer.js, unused
// here). The build inlines these imports (pkg-config/bundle.mjs), so the
// worker that ships starts on one request: a worker has no
// <link rel=modulepreload>, and each import level would cost a round trip.
import { init, analyze, analyzeInPieces, version } from './engine.js';

const cancelled = new Set();
/** Requests received and not yet answered: a cancel for any other id is ignored. */
const open = new Set();
// NOTE: the engine is loaded and run once on a short made-up sentence as
// soon as the worker starts, before any request: decoding the model and
// compiling the code paths take tens of milliseconds in a fresh page, and
// doing it now overlaps that with the host page's own loading. A failure
// here is ignored; the first request reports it.
const WARM_UP = 'Ann Lee of Acme Corp. said on Monday: "It rained 5 percent more."';
const warmUp = () => { analyze(WARM_UP, {}); };
// NOTE: started as `worker.js?wasm=posted`, the worker does not fetch the
// wasm itself but waits for a `{ type: 'wasm', module }` message with the
// compiled WebAssembly.Module (the demo page's boot.js compiles it on the main
// thread while this worker starts); `module: null` means "fetch it yourself".
// Requests that arrive meanwhile wait in `queue`. Without the parameter (every
// createAnalyzer() worker) it loads the engine from beside this file at once.
let receiveWasm = null;
const posted = new URL(import.meta.url).searchParams.get('wasm') === 'posted';
const source = posted ? new Promise((resolve) => { receiveWasm = resolve; }) : Promise.resolve(undefined);
let queue = source.then((module) => init(module ?? undefined)).then(warmUp).catch(() => {});

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg?.type === 'wasm') {
    receiveWasm?.(msg.module instanceof WebAssembly.Module ? msg.module : null);
    receiveWasm = null;
    return;
  }
  if (msg?.type === 'cancel') {
    if (open.has(msg.id)) cancelled.add(msg.id);
    return;
  }
  if (msg?.id !== undefined) open.add(msg.id);
  if (msg?.type === 'analyze') queue = queue.then(() => run(msg));
  if (msg?.type === 'version') queue = queue.then(() => reply(msg.id, async () => { await init(); return version(); }));
});

function run({ id, text, options }) {
  return reply(id, async () => {
    await init();
    return analyzeInParts(id, text, options ?? {});
  });
}

/** Posts what `work` resolves with (nothing if cancelled), or its error. */
async function reply(id, work) {
  try {
    const result = await work();
    if (result !== null) self.postMessage({ type: 'result', id, result });
  } catch (error) {
    self.postMessage({ type: 'error', id, name: error?.name ?? 'Error', message: String(error?.message ?? error) });
  } finally {
    cancelled.delete(id);
    open.delete(id);
  }
}

async function analyzeInParts(id, text, options) {
  if (cancelled.has(id)) return null;
  const job = analyzeInPieces(text, options);
  try {
    // Progress is posted for a text of several pieces only, after each.
    let several = false;
    while (job.step()) {
      const { done, total } = job;
      several ||= done < total;
      if (several) self.postMessage({ type: 'progress', id, done, total });
      if (done < total) {
        // Yield so a cancel message queued meanwhile is seen.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (cancelled.has(id)) return null;
      }
    }
    return job.finish();
  } finally {
    job.free();
  }
}
