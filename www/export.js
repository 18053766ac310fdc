// Export: the result as JSON (the output contract, with the analysed text so
// its offsets mean something on their own), the quotes as CSV, downloaded as
// a file or copied to the clipboard, and the quotes as `Name: “quote”` lines
// to paste into a story. Files are made from Blobs in the page: nothing is
// uploaded.
import { quoteText } from './pkg/spans.js';
import { quoteLines } from './speakers.js';

const CSV_COLUMNS = ['index', 'speaker', 'speaker_mention', 'speaker_entity', 'cue', 'kind', 'text', 'start', 'end'];

/** A UTF-8 byte-order mark: without it spreadsheets read a CSV file as Latin-1 (“ and Māori garbled). */
const BOM = '\ufeff';

/** `{ text, quotes, entities }` as pretty JSON: the result's offsets index `text`. */
export function toJson(result, text) {
  return JSON.stringify({ text, quotes: result.quotes, entities: result.entities }, null, 2) + '\n';
}

/** One CSV row per quote (RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with '). */
export function toCsv(result) {
  const rows = [CSV_COLUMNS];
  result.quotes.forEach((q, i) => {
    rows.push([i, q.speaker?.name ?? '', q.speaker?.text ?? '', q.speaker?.entity ?? '', q.cue?.text ?? '', q.kind, quoteText(q), q.start, q.end]);
  });
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value) {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copy(body, what, say) {
  try {
    await navigator.clipboard.writeText(body);
    say(`Copied ${what} to the clipboard.`);
  } catch (error) {
    say(`Could not copy: ${error.message}. Use the download instead.`);
  }
}

/** Wires the export buttons; `current()` gives { text, result }. */
export function setupExport(current, statusEl) {
  const say = (message) => { statusEl.textContent = message; };
  const formats = {
    json: { make: toJson, type: 'application/json', file: 'whosaid.json', bom: '' },
    csv: { make: toCsv, type: 'text/csv', file: 'whosaid-quotes.csv', bom: BOM },
  };
  const on = (id, handler) => document.getElementById(id).addEventListener('click', () => {
    const { text, result } = current();
    if (result) handler(text, result);
  });
  for (const [name, f] of Object.entries(formats)) {
    on(`download-${name}`, (text, result) => {
      download(f.file, `${f.type};charset=utf-8`, f.bom + f.make(result, text));
      say(`Saved ${f.file}.`);
    });
    on(`copy-${name}`, (text, result) => copy(f.make(result, text), `the ${name.toUpperCase()}`, say));
  }
  on('copy-quotes', (text, result) => copy(quoteLines(result), `${result.quotes.length} quote${result.quotes.length === 1 ? '' : 's'} as lines`, say));
}
