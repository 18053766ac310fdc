// One fresh load of www/index.html (as bench/pageload.mjs does it) under a
// Chromium trace, summarised: per thread, the time in each kind of top-level
// event, and the timeline of user-timing marks and key events from
// navigation start. Writes the raw trace to $TRACE_OUT (default
// /tmp/whosaid-trace.json) for chrome://tracing or the DevTools Performance panel.
// Usage: node bench/trace.mjs [root]
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTexts, sharedDir } from './corpus.mjs';
import { launch, serve, firstResultOnce } from './browser.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(process.argv[2] ?? here);
const out = process.env.TRACE_OUT ?? '/tmp/whosaid-trace.json';
const seed = readTexts(path.join(sharedDir(), 'corpus/seeds.jsonl'))[0];
const { server, base } = await serve(root);
const browser = await launch();
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel', 'disabled-by-default-v8.compile'];
let r;
try {
  await firstResultOnce(browser, base, seed); // warm the browser process up, as in make bench
  await browser.startTracing(undefined, { path: out, categories });
  r = await firstResultOnce(browser, base, seed);
  await browser.stopTracing();
} finally {
  await browser.close();
  server.close();
}
console.log(`first result ${r.ms.toFixed(0)} ms, engine ready ${r.engineMs?.toFixed(0)} ms`);

const trace = JSON.parse(readFileSync(out, 'utf8'));
const events = trace.traceEvents ?? trace;
const names = new Map();
for (const e of events) {
  if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
}
// Navigation start of the page: the renderer's first navigationStart mark for our URL.
const nav = events.find((e) => e.name === 'navigationStart' && JSON.stringify(e.args ?? {}).includes('index.html')) ?? events.find((e) => e.name === 'navigationStart');
const t0 = nav?.ts ?? Math.min(...events.filter((e) => e.ts).map((e) => e.ts));
const rendererPid = nav?.pid;
const byThread = new Map();
for (const e of events) {
  if (e.ph !== 'X' || e.pid !== rendererPid || !e.dur) continue;
  const key = names.get(`${e.pid}:${e.tid}`) ?? `tid ${e.tid}`;
  if (!byThread.has(key)) byThread.set(key, []);
  byThread.get(key).push(e);
}
const ms = (us) => (us / 1000).toFixed(1);
for (const [thread, list] of byThread) {
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Top-level events only: not nested in an earlier event on the same thread.
  const top = [];
  let end = -1;
  for (const e of list) {
    if (e.ts >= end) { top.push(e); end = e.ts + e.dur; }
  }
  const total = top.reduce((n, e) => n + e.dur, 0);
  if (total < 3000) continue;
  const kinds = new Map();
  for (const e of list) kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur);
  const first = top[0].ts - t0, last = top.at(-1).ts + top.at(-1).dur - t0;
  console.log(`\n== ${thread}: ${ms(total)} ms busy, ${ms(first)}-${ms(last)} ms`);
  const nested = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 14);
  console.log('   ' + nested.map(([k, d]) => `${k} ${ms(d)}`).join(' | '));
  if (process.env.TRACE_TIMELINE) {
    for (const e of top) if (e.dur > 1500) console.log(`   ${ms(e.ts - t0).padStart(7)} +${ms(e.dur).padStart(6)} ${e.name} ${e.args?.data?.url ?? e.args?.data?.functionName ?? ''}`);
  }
}
const marks = events.filter((e) => e.pid === rendererPid && (e.cat?.includes('blink.user_timing') || ['firstContentfulPaint', 'domContentLoadedEventEnd', 'ResourceSendRequest', 'ResourceFinish'].includes(e.name)));
console.log('\n== marks and requests');
for (const e of marks.sort((a, b) => a.ts - b.ts)) {
  console.log(`   ${ms(e.ts - t0).padStart(7)} ${e.name} ${e.args?.data?.url?.replace(base, '') ?? ''}`);
}
