// Finds the shared corpora at run time (env WHOSAID_SHARED, else ../shared
// beside the checkout, else /work/shared) and builds the benchmark inputs in
// memory or in the system's temp folder: article text never enters the repo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { requireCorpus } from '../tests/shared.mjs';

/** The shared folder that holds corpus/polnear-dev.jsonl (tests/shared.mjs finds it). */
export function sharedDir() {
  return path.dirname(path.dirname(requireCorpus('polnear-dev.jsonl')));
}

/** The `text` of every line of a JSONL corpus file. */
export function readTexts(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).text)
    .filter((t) => typeof t === 'string');
}

export const utf8Bytes = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

/** Whole articles joined by blank lines, cut to `size` UTF-8 bytes (as bench/native.rs does). */
export function concatenated(texts, size) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < size && texts.length; i++) {
    const t = texts[i % texts.length] + '\n\n';
    parts.push(t);
    n += Buffer.byteLength(t);
  }
  const buf = Buffer.from(parts.join(''));
  let cut = Math.min(size, buf.length);
  while (cut > 0 && (buf[cut] & 0xc0) === 0x80) cut--;
  return buf.subarray(0, cut).toString('utf8');
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
