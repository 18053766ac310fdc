// The engine itself, on the thread that imports it: init(), analyze(),
// version(). The wasm file is found next to this module (new URL(...,
// import.meta.url)), so the folder works served as static files and imported
// by a bundler; nothing is fetched from anywhere else. index.js (the package
// entry) re-exports it beside createAnalyzer(); worker.js imports it alone.
import initWasm, { analyze as analyzeWasm, version as versionWasm, Pieces } from './whosaid.js';

let ready = false;
let loading = null;

/**
 * Loads the engine. Call once and await it before `analyze`; later calls
 * return the same promise. `source` is optional: a URL, a Response, bytes or
 * a WebAssembly.Module of `whosaid_bg.wasm`, for hosts that move the file.
 * @param {URL | string | Response | BufferSource | WebAssembly.Module} [source]
 * @returns {Promise<void>}
 */
export function init(source) {
  if (!loading) {
    const url = source ?? new URL('./whosaid_bg.wasm', import.meta.url);
    loading = initWasm({ module_or_path: url }).then(
      () => { ready = true; },
      (cause) => {
        loading = null;
        throw new Error(`whosaid: could not load the engine (${cause?.message ?? cause})`, { cause });
      },
    );
  }
  return loading;
}

/** True once `init()` has finished. */
export function isReady() {
  return ready;
}

/**
 * The quotes, speakers and entities of `text` (see the `Analysis` type).
 * Offsets are JS string indices unless `options.offsets` says otherwise.
 * Synchronous: for long texts in a page, prefer `createAnalyzer()`.
 * @param {string} text
 * @param {{ offsets?: 'utf16' | 'codepoint' | 'utf8', continuations?: 'join' | 'separate' }} [options]
 */
export function analyze(text, options) {
  if (!ready) throw new Error('whosaid: the engine is not loaded yet; call `await init()` first');
  if (typeof text !== 'string') throw new TypeError(`whosaid.analyze: the text must be a string, not ${text === null ? 'null' : typeof text}`);
  return analyzeWasm(text, options);
}

/**
 * `analyze(text, options)` run a piece at a time, for the worker (not part of
 * the package's API): `step()` analyses the next piece of a long text and
 * returns false when none was left, `done` and `total` say how far it is (in
 * the offsets' unit), `finish()` returns exactly what `analyze` returns, and
 * `free()` releases it. Cutting and merging are the engine's (src/pieces.rs).
 * @param {string} text
 * @param {{ offsets?: 'utf16' | 'codepoint' | 'utf8', continuations?: 'join' | 'separate' }} [options]
 */
export function analyzeInPieces(text, options) {
  if (!ready) throw new Error('whosaid: the engine is not loaded yet; call `await init()` first');
  if (typeof text !== 'string') throw new TypeError(`whosaid.analyze: the text must be a string, not ${text === null ? 'null' : typeof text}`);
  return new Pieces(text, options);
}

/** The engine's version, e.g. "0.1.0". */
export function version() {
  if (!ready) throw new Error('whosaid: the engine is not loaded yet; call `await init()` first');
  return versionWasm();
}
