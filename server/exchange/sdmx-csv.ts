// SDMX-CSV 2.0 (the data message of SDMX 3.0): one row per figure, RFC 4180 with CRLF line ends and a
// header row. Our dataflow has dimensions DATA_SCOPE (T: the sender's subtree rolled up, O: one unit's
// own report), REF_AREA (GSO code), TIME_PERIOD (ISO start/duration, as in ADX), INDICATOR (row code)
// and BREAKDOWN (column key); the measure OBS_VALUE; attributes UNIT_MEASURE and OBS_COMPUTED.
import type { ExportData } from '../export/export-data';
import { figuresOf, isoPeriodOf } from './figures';

export const SDMX_CSV_MEDIA_TYPE = 'application/vnd.sdmx.data+csv; version=2.0.0';
/** The maintenance agency of our dataflows: the province by its GSO code (our choice, not a registry's). */
export const SDMX_AGENCY = 'VN20';

export const SDMX_COLUMNS = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'DATA_SCOPE',
  'REF_AREA',
  'TIME_PERIOD',
  'INDICATOR',
  'BREAKDOWN',
  'OBS_VALUE',
  'UNIT_MEASURE',
  'OBS_COMPUTED',
] as const;

/** 'bieu-06-vpcp-kstt' version 1 → 'VN20:BIEU_06_VPCP_KSTT(1.0.0)' */
export function structureId(templateId: string, version: number): string {
  return `${SDMX_AGENCY}:${templateId.toUpperCase().replace(/-/g, '_')}(${version}.0.0)`;
}

export function toSdmxCsv(data: ExportData): string {
  const { compiled, template, period } = data;
  const id = structureId(template.id, template.version);
  const time = isoPeriodOf(period);
  const unitOf = (ct: typeof compiled, row: string) => {
    const r = ct.row(row);
    return r?.unit ?? template.defaults?.unit ?? '';
  };
  const lines = [SDMX_COLUMNS.join(',')];
  const write = (scope: 'T' | 'O', area: string, grid: typeof data.values, ct = compiled) => {
    for (const f of figuresOf(ct, grid)) {
      const cells = ['dataflow', id, 'I', scope, area, time, f.row, f.col, String(f.value), unitOf(ct, f.row), f.computed ? 'Y' : 'N'];
      lines.push(cells.map(csvField).join(','));
    }
  };
  write('T', data.unit.code, data.values);
  for (const r of data.reports) write('O', r.unit.code, r.values, r.compiled);
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Reads an RFC 4180 document into rows of fields (for tests and consumers that check a file). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
