// Finds a file of the shared development corpora at run time: under
// $WHOSAID_SHARED, else ../shared beside the checkout, else /work/shared.
// One place for the tests, the browser harness and the benchmarks; the
// corpora's text never enters the repository.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folders searched, in order. */
export function sharedCandidates() {
  return [process.env.WHOSAID_SHARED, path.join(repo, '../shared'), '/work/shared'].filter(Boolean);
}

/** The path of `corpus/<name>` in the first folder that has it, or null. */
export function sharedCorpus(name) {
  return sharedCandidates().map((d) => path.join(d, 'corpus', name)).find(existsSync) ?? null;
}

/** Like sharedCorpus, but an Error that says where it looked when missing. */
export function requireCorpus(name) {
  const found = sharedCorpus(name);
  if (!found) throw new Error(`corpus/${name} not found in ${sharedCandidates().join(', ')}; set WHOSAID_SHARED`);
  return found;
}
