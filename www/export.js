// Export: the result as JSON (the output contract, exactly) and the quotes as
// CSV, downloaded as a file or copied to the clipboard. Files are made from
// Blobs in the page: nothing is uploaded.

const CSV_COLUMNS = ['index', 'speaker', 'speaker_mention', 'speaker_entity', 'cue', 'kind', 'text', 'start', 'end'];

/** The result as pretty JSON. */
export function toJson(result) {
  return JSON.stringify({ quotes: result.quotes, entities: result.entities }, null, 2) + '\n';
}

/** One CSV row per quote (RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with '). */
export function toCsv(result) {
  const rows = [CSV_COLUMNS];
  result.quotes.forEach((q, i) => {
    rows.push([i, q.speaker?.name ?? '', q.speaker?.text ?? '', q.speaker?.entity ?? '', q.cue?.text ?? '', q.kind, q.text, q.start, q.end]);
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

/** Wires the export buttons; `current()` gives { text, result }. */
export function setupExport(current, statusEl) {
  const say = (message) => { statusEl.textContent = message; };
  const formats = {
    json: { make: toJson, type: 'application/json', file: 'whosaid.json' },
    csv: { make: toCsv, type: 'text/csv', file: 'whosaid-quotes.csv' },
  };
  for (const [name, f] of Object.entries(formats)) {
    document.getElementById(`download-${name}`).addEventListener('click', () => {
      const { result } = current();
      if (!result) return;
      download(f.file, `${f.type};charset=utf-8`, f.make(result));
      say(`Saved ${f.file}.`);
    });
    document.getElementById(`copy-${name}`).addEventListener('click', async () => {
      const { result } = current();
      if (!result) return;
      try {
        await navigator.clipboard.writeText(f.make(result));
        say(`Copied the ${name.toUpperCase()} to the clipboard.`);
      } catch (error) {
        say(`Could not copy: ${error.message}. Use the download instead.`);
      }
    });
  }
}
