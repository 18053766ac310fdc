// Starts the engine before anything else on the page loads, so it downloads,
// compiles and warms up while the page's own modules arrive; app.js adopts
// the worker (createAnalyzer({ worker })). A classic script, not a module, so
// it runs as soon as the parser meets it.
try {
  // NOTE: the worker is told (?wasm=posted) not to fetch the wasm itself:
  // this page fetches and compiles it here, on the main thread, and posts the
  // compiled WebAssembly.Module (postMessage clones a Module without
  // recompiling it). A worker only asks for the wasm after it has started and
  // loaded its own modules, one import level per round trip; here the
  // download and the streaming compile begin with the page's first script.
  // If the compile fails here, the worker is told to fetch it itself (null).
  const worker = new Worker('pkg/worker.js?wasm=posted', { type: 'module', name: 'whosaid' });
  window.whosaidWorker = worker;
  // A browser that cannot clone a Module into a worker throws here: then the
  // worker fetches the wasm itself rather than waiting for it forever.
  const post = (module) => {
    try {
      worker.postMessage({ type: 'wasm', module });
    } catch {
      worker.postMessage({ type: 'wasm', module: null });
    }
  };
  try {
    WebAssembly.compileStreaming(fetch('pkg/whosaid_bg.wasm')).then(post, () => post(null));
  } catch {
    post(null);
  }
} catch {
  // No workers (or blocked): app.js starts one itself and reports failures.
}
