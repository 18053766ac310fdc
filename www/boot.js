// Starts the engine's worker before anything else on the page loads, so the
// engine downloads and warms up while the page's own modules arrive; app.js
// adopts it (createAnalyzer({ worker })). A classic script, not a module, so
// it runs as soon as the parser meets it.
try {
  window.whosaidWorker = new Worker('pkg/worker.js', { type: 'module', name: 'whosaid' });
} catch {
  // No workers (or blocked): app.js starts one itself and reports failures.
}
