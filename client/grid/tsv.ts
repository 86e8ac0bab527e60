// Tab-separated text as spreadsheets put it on the clipboard (Excel, LibreOffice, Google Sheets): rows
// by line, cells by tab, a cell holding a tab, newline or quote written in double quotes.

/** The rows of a clipboard text; the trailing newline spreadsheets add does not make an empty row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // A quoted cell: "" is one quote; the quote closes only before a tab, a line break or the end.
      let j = i + 1;
      let quoted = '';
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        quoted += text[j];
        j++;
      }
      const next = text[j];
      if (closed && (j >= n || next === '\t' || next === '\n' || next === '\r')) {
        cell = quoted;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell: the quote is just a character.
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Cells as tab-separated lines, quoted where a cell holds a tab, a line break or a quote. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const quote = (s: string) => (/[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n') + '\r\n';
}
