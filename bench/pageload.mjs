// Only the page-load part of `make bench`: fresh loads of www/index.html with
// the first seed article prefilled, as bench/browser.mjs measures them
// (navigation start to body[data-state=done], service worker blocked).
// With several roots (checkouts, or copies of one at different commits) the
// loads alternate between them, so a noisy shared machine affects each alike.
// Usage: node bench/pageload.mjs [--runs N] [--rounds R] [--log FILE] [root ...]
//   prints each root's first-result and engine-ready medians per round;
//   --log appends every load as a JSON line {root, first, engine} to FILE.
// Diagnostics (environment, see browser.mjs): BENCH_SW=allow lets each load
// install the service worker; BENCH_SETTLE_MS=1000 waits before navigating
// until the new browser window has finished starting; BENCH_CHROMIUM_ARGS adds
// Chromium flags (--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup
// stops each new context's window from starting the omnibox popup's WebUI
// renderer, which keeps one of the two cores busy during the load).
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTexts, sharedDir, median } from './corpus.mjs';
import { launch, serve, firstResultOnce } from './browser.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  return v;
};
let log = null;
if (args.includes('--log')) log = args.splice(args.indexOf('--log'), 2)[1];
const runs = opt('--runs', 7);
const rounds = opt('--rounds', 1);
const roots = (args.length ? args : [here]).map((r) => path.resolve(r));
const seed = readTexts(path.join(sharedDir(), 'corpus/seeds.jsonl'))[0];

const servers = await Promise.all(roots.map((r) => serve(r)));
const browser = await launch();
try {
  // One discarded load first: in `make bench` the browser has run other pages before.
  await firstResultOnce(browser, servers[0].base, seed);
  const all = roots.map(() => ({ first: [], engine: [] }));
  for (let round = 0; round < rounds; round++) {
    const these = roots.map(() => ({ first: [], engine: [] }));
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < roots.length; k++) {
        const k2 = (i + k) % roots.length; // alternate which root goes first
        const r = await firstResultOnce(browser, servers[k2].base, seed);
        these[k2].first.push(r.ms);
        these[k2].engine.push(r.engineMs);
        if (log) appendFileSync(log, JSON.stringify({ root: roots[k2], first: r.ms, engine: r.engineMs }) + '\n');
      }
    }
    these.forEach((t, k) => {
      all[k].first.push(...t.first);
      all[k].engine.push(...t.engine);
      console.log(`round ${round + 1} ${roots[k]}: first result ${median(t.first).toFixed(0)} ms, engine ready ${median(t.engine).toFixed(0)} ms  [${t.first.map((x) => x.toFixed(0)).join(' ')}]`);
    });
  }
  if (rounds > 1) {
    all.forEach((t, k) => console.log(`all ${roots[k]}: first result ${median(t.first).toFixed(0)} ms, engine ready ${median(t.engine).toFixed(0)} ms over ${t.first.length} loads`));
  }
} finally {
  await browser.close();
  for (const s of servers) s.server.close();
}
