// Types for the whosaid package: the output contract and the JS API.

/** A span of the analysed text: `text.slice(start, end) === span.text` with the default offsets. */
export interface Span {
  /** Start offset (UTF-16 code units by default, i.e. a JS string index). */
  start: number;
  /** End offset, exclusive. */
  end: number;
  /** The text of the span. */
  text: string;
}

/**
 * How a quotation is given:
 * - `direct`: entirely inside quotation marks;
 * - `partial`: a quoted fragment used as a phrase ("called it a 'dialogue'");
 * - `mixed`: reported speech containing a quoted fragment;
 * - `indirect`: reported speech with no quotation marks ("he said that ...").
 */
export type QuoteKind = 'direct' | 'partial' | 'mixed' | 'indirect';

/** Who a quotation is attributed to. */
export interface Speaker extends Span {
  /**
   * The resolved canonical name ("Rex Tillerson"), even when the mention is "he" or "the
   * secretary"; for an unnamed speaker (`entity` null), the description the article gives
   * ("a police spokesman", "officials").
   */
  name: string;
  /** Index into `Analysis.entities` of the speaker's entity, or null for an unnamed speaker. */
  entity: number | null;
}

/**
 * One quotation. `start`/`end` are the content's extent (the first part's start to the last
 * part's end) and `text` the parts' texts joined by " … ".
 */
export interface Quote extends Span {
  /**
   * The content without quotation marks, in pieces where an attribution interrupts it:
   * `"We will," he said, "win."` gives the parts "We will," and "win."; one part otherwise.
   * (An engine older than the parts contract leaves it out: read the quote as one part.)
   */
  parts: Span[];
  kind: QuoteKind;
  /** The reporting verb or phrase ("said", "pointed out", "according to"), or null. */
  cue: Span | null;
  /** The speaker, or null when none was found. */
  speaker: Speaker | null;
}

/**
 * Entity types, after OntoNotes: people, organisations, countries/cities/states (GPE),
 * other locations, nationalities and religious or political groups (NORP), named events,
 * dates, times, money, percentages and other numbers.
 */
export type EntityType =
  | 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'EVENT'
  | 'DATE' | 'TIME' | 'MONEY' | 'PERCENT' | 'CARDINAL';

/** One entity: all the mentions of the same person, organisation, place, date, ... */
export interface Entity {
  type: EntityType;
  /** The canonical name: the longest proper form, without a title. */
  name: string;
  /** A title seen with the name ("Secretary of State"), or null. */
  title: string | null;
  /** Every mention, in text order (no leading "the", no possessive "'s", no title). */
  mentions: Span[];
}

/** What `analyze` returns. */
export interface Analysis {
  quotes: Quote[];
  entities: Entity[];
}

/** The unit of every offset in a result. */
export type OffsetUnit = 'utf16' | 'codepoint' | 'utf8';

export interface AnalyzeOptions {
  /** Default `"utf16"` (JS string indices); `"codepoint"` matches Python string indices and the CLI. */
  offsets?: OffsetUnit;
  /**
   * `"A," she said. "B."`: one quote from A to B (`"join"`, the default, as the PolNeAR
   * annotation counts it) or two quotes by the same speaker (`"separate"`).
   */
  continuations?: 'join' | 'separate';
}

/** What `init()` accepts to find the wasm file when it is not beside the module. */
export type WasmSource = URL | string | Response | Promise<Response> | BufferSource | WebAssembly.Module;

/**
 * Loads the engine (the wasm file beside this module, unless `source` says otherwise).
 * Later calls return the same promise. Rejects with an Error when the file cannot be loaded.
 */
export function init(source?: WasmSource): Promise<void>;
export default init;

/** True once `init()` has finished. */
export function isReady(): boolean;

/**
 * The quotes, speakers and entities of `text`. Synchronous; throws an Error before `init()`
 * has finished and a TypeError when `text` is not a string.
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis;

/** The engine's version, e.g. "0.1.0". */
export function version(): string;

/** Progress of a long analysis, in the offsets' unit (UTF-16 units of the text by default). */
export interface Progress {
  done: number;
  total: number;
}

export interface WorkerAnalyzeOptions extends AnalyzeOptions {
  /** Called as each piece of a long text (over 768 KB; pieces of about 512 KB) is done. */
  onProgress?: (progress: Progress) => void;
  /** Cancels the request: the promise rejects with an Error named "AbortError". */
  signal?: AbortSignal;
}

/** The engine running in a Web Worker. */
export interface Analyzer {
  /** Resolves with the analysis; rejects with an Error (a TypeError for a non-string text). */
  analyze(text: string, options?: WorkerAnalyzeOptions): Promise<Analysis>;
  /** The engine's version, e.g. "0.1.0". */
  version(): Promise<string>;
  /** Stops the worker; pending requests reject. */
  terminate(): void;
}

export interface AnalyzerSettings {
  /** Where `worker.js` is served, when a host moves it. */
  workerUrl?: URL | string;
  /**
   * A worker the page already started on `worker.js`, to adopt instead of
   * starting one: the engine starts loading before the page's modules do.
   */
  worker?: Worker;
}

/** Starts a Web Worker running the engine. Throws an Error where there are no workers (Node.js). */
export function createAnalyzer(settings?: AnalyzerSettings): Analyzer;
