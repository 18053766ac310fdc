// Number formatting the panels share.

/**
 * `n` with thousands separators, as `n.toLocaleString('en')` writes an
 * integer. NOTE: not toLocaleString itself: its first call in a fresh page
 * loads the locale data, 15-30 ms of the main thread while the page loads.
 */
export function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
