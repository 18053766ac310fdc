// Types for whosaid/element: the <who-said> custom element.
import type { Analysis } from './index.js';

/** `event.detail` of `whosaid:analyzed`. */
export interface AnalyzedDetail {
  /** The analysis; offsets index `text`. */
  result: Analysis;
  /** The text that was analysed (the article's text, paragraphs separated by blank lines). */
  text: string;
  /** How long the analysis took, in milliseconds. */
  ms: number;
}

/** `event.detail` of `whosaid:error`. */
export interface ErrorDetail {
  error: Error;
}

/**
 * `<who-said>article</who-said>` renders the article highlighted in its shadow root;
 * `<who-said for="#story"></who-said>` highlights #story in place. Each quote (each of its
 * `parts`, the attribution between them left plain) is a mark that takes the keyboard focus and
 * shows a popup (role="tooltip") naming its speaker (an unnamed speaker as the article's
 * description, marked "unnamed"), cue and kind. Parts: `summary`, `article`, `quote` (plus
 * `quote-direct` ...), `entity` (plus `entity-PERSON` ...), `speaker`, `cue`, `popup`. Custom
 * properties: `--whosaid-quote-bg`, `--whosaid-quote-edge`, `--whosaid-person`, `--whosaid-org`,
 * `--whosaid-place`, `--whosaid-date`, `--whosaid-other`, `--whosaid-speaker-weight`,
 * `--whosaid-focus`, `--whosaid-popup-bg`, `--whosaid-popup-ink`.
 */
export class WhoSaidElement extends HTMLElement {
  /** The last analysis, or null. */
  readonly result: Analysis | null;
  /**
   * Analyses with this function instead of the engine's shared Web Worker when set (for a host
   * that already runs an analyzer, or results computed elsewhere); set it before connecting the
   * element, or call `refresh()` after.
   */
  engine: ((text: string) => Promise<Analysis>) | null;
  /** Analyses the article again; resolves with the analysis, or null if it failed or was superseded. */
  refresh(): Promise<Analysis | null>;
}

/** Registers the element as `tagName` (default "who-said"); returns its class. */
export function defineWhoSaid(tagName?: string): typeof WhoSaidElement;

declare global {
  interface HTMLElementTagNameMap {
    'who-said': WhoSaidElement;
  }
  interface HTMLElementEventMap {
    'whosaid:analyzed': CustomEvent<AnalyzedDetail>;
    'whosaid:error': CustomEvent<ErrorDetail>;
  }
}
