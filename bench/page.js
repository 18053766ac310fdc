// In-page benchmark functions, called by bench/run.mjs through Playwright.
// Times whosaid's wasm `analyze` (www/pkg, the wasm-bindgen build the page
// ships) and the peer, compromise with its dates plugin, asked for what
// whosaid reports: people, places, organisations, quotations and dates.
import init, { analyze } from '/www/pkg/whosaid.js';
import nlp from '/bench/node_modules/compromise/builds/three/compromise-three.mjs';
import dates from '/bench/node_modules/compromise-dates/builds/compromise-dates.mjs';

nlp.plugin(dates);
const wasm = await init();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function ours(text) {
  const a = analyze(text);
  return a.quotes.length + a.entities.length;
}

function theirs(text) {
  const doc = nlp(text);
  return (
    doc.people().out('array').length +
    doc.places().out('array').length +
    doc.organizations().out('array').length +
    doc.quotations().out('array').length +
    doc.dates().out('array').length
  );
}

/** Seconds for each of `runs` passes of `f` over all `texts` (after one warm-up pass). */
function passes(f, texts, runs) {
  for (const t of texts) f(t);
  const secs = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    let found = 0;
    for (const t of texts) found += f(t);
    secs.push((performance.now() - t0) / 1000);
    if (found < 0) throw new Error('unreachable');
  }
  return secs;
}

window.bench = {
  ready: true,
  /** Both analysers over the same texts: seconds per pass for each. */
  throughput(texts, oursRuns, theirsRuns) {
    return { ours: passes(ours, texts, oursRuns), theirs: passes(theirs, texts, theirsRuns) };
  },
  /** One long text: seconds per run, and the wasm memory size after them. */
  scale(text, runs) {
    ours('Warm-up: "the model is decoded once," the engine said.');
    const secs = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      ours(text);
      secs.push((performance.now() - t0) / 1000);
    }
    return { secs, median: median(secs), memory: wasm.memory.buffer.byteLength };
  },
};
