// Every template in report-templates/, opened by the unit that reports it, shows in Chromium what its file
// declares: form number, title and period window in the header; every column under its header groups;
// every row's code, label and unit; header rows as section bands; greyed-out and computed cells drawn as
// such and refusing edits while input cells take them. The expectations are read from the template files,
// so a template added to the folder is covered without touching this test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemplateFileSchema, type Calendar, type Frequency, type TemplateFile } from '../../schema/template';
import { apiAs, cell, openReport, poll, startE2E, text, type E2E } from './browser';

const TEMPLATES_DIR = 'report-templates';
// After the reform of 01/07/2025 (Nghị quyết 1672/NQ-UBTVQH15): communes report straight to the province,
// and code 05977 names Phường Đông Kinh (before it, Phường Vĩnh Trại).
const NOW = new Date('2025-12-16T02:00:00Z');
const TODAY = '2025-12-16';

interface Window {
  id: string;
  label: string;
  /** ISO dates, inclusive. */
  start: string;
  end: string;
}

/**
 * The period each frequency has open on 16/12/2025. Open, not closed: the demo seeds reports of closed
 * periods (some already submitted), while these have none yet, so every input cell is editable. Art. 12
 * windows run from the 15th to the 14th, so 16/12/2025 already falls in the first periods of 2026.
 */
const OPEN_PERIODS: Record<Calendar, Partial<Record<Frequency, Window>>> = {
  decree09: {
    monthly: { id: '202601', label: 'Tháng 01/2026', start: '2025-12-15', end: '2026-01-14' },
    quarterly: { id: '2026Q1', label: 'Quý I/2026', start: '2025-12-15', end: '2026-03-14' },
    'six-monthly': { id: '2026S1', label: '6 tháng đầu năm 2026', start: '2025-12-15', end: '2026-06-14' },
    'nine-month': { id: '2026N9', label: '9 tháng năm 2026', start: '2025-12-15', end: '2026-09-14' },
    annual: { id: '2026', label: 'Năm 2026', start: '2025-12-15', end: '2026-12-14' },
  },
  calendar: {
    monthly: { id: '202512', label: 'Tháng 12/2025', start: '2025-12-01', end: '2025-12-31' },
    quarterly: { id: '2025Q4', label: 'Quý IV/2025', start: '2025-10-01', end: '2025-12-31' },
    'six-monthly': { id: '2025S2', label: '6 tháng cuối năm 2025', start: '2025-07-01', end: '2025-12-31' },
    annual: { id: '2025', label: 'Năm 2025', start: '2025-01-01', end: '2025-12-31' },
  },
};

function periodOf(file: TemplateFile): Window {
  if (file.frequency === 'adhoc') {
    // The template lists its own periods: take the latest one after the reform.
    const p = [...(file.adhocPeriods ?? [])].filter((q) => q.end >= '2025-07-01').sort((a, b) => b.start.localeCompare(a.start))[0];
    if (!p) throw new Error(`${file.id}: no ad hoc period ends after the reform of 01/07/2025`);
    return { id: p.id, label: p.label ?? p.id, start: p.start, end: p.end };
  }
  const open = OPEN_PERIODS[file.calendar][file.frequency];
  if (!open) throw new Error(`${file.id}: no ${file.frequency} period on the ${file.calendar} calendar is open on ${TODAY}; add one to OPEN_PERIODS`);
  return open;
}

/** The demo user who fills the report, by the levels the regime names for the period's last day. */
function reporterOf(file: TemplateFile, period: Window): { username: string; unit: string; unitName: string } {
  const span = file.regime.reporters.find((r) => (!r.from || r.from <= period.end) && (!r.to || period.end <= r.to));
  if (span?.levels.includes('commune')) return { username: 'canbo-05977', unit: '05977', unitName: 'Phường Đông Kinh' };
  if (span?.levels.includes('province')) return { username: 'lanhdao-20', unit: '20', unitName: 'Tỉnh Lạng Sơn' };
  throw new Error(`${file.id}: neither communes nor the province report ${period.id}`);
}

interface Case {
  id: string;
  file: TemplateFile;
  period: Window;
  reporter: ReturnType<typeof reporterOf>;
}

/** Each template folder, with the version in force for its open period (the highest one already effective). */
function readCases(): Case[] {
  const folders = readdirSync(TEMPLATES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
  return folders.map((folder) => {
    const versions = readdirSync(join(TEMPLATES_DIR, folder.name))
      .filter((name) => name.endsWith('.json'))
      .map((name) => v.parse(TemplateFileSchema, JSON.parse(readFileSync(join(TEMPLATES_DIR, folder.name, name), 'utf8'))))
      .sort((a, b) => b.version - a.version);
    const period = periodOf(versions[0]!);
    // Period ids of one frequency order as strings (202512 < 202601, 2025Q4 < 2026Q1).
    const file = versions.find((f) => f.effectiveFrom <= period.id);
    if (!file) throw new Error(`${folder.name}: no version is in force in ${period.id}`);
    return { id: folder.name, file, period, reporter: reporterOf(file, period) };
  });
}

const CASES = readCases();

type Kind = 'header' | 'input' | 'computed' | 'disabled';

/** What a data cell is, as the template author guide says: greyed out beats any formula; a formula makes it computed. */
function kindOf(file: TemplateFile, rowCode: string, col: string): Kind {
  const row = file.rows.find((r) => r.code === rowCode)!;
  if (row.header) return 'header';
  if (row.disabled === 'all' || row.disabled?.includes(col)) return 'disabled';
  const column = file.columns.find((c) => c.key === col)!;
  const hasCellFormula = file.cellFormulas?.some((f) => f.row === rowCode && f.col === col) ?? false;
  return hasCellFormula || column.formula !== undefined || row.formula !== undefined ? 'computed' : 'input';
}

/**
 * The computed cells to try editing: one for each cell formula, column formula and row formula. Every
 * computed cell is checked to carry the computed style; the grid decides editability from the same kind.
 */
function computedSamples(file: TemplateFile): [string, string][] {
  const dataRows = file.rows.filter((r) => !r.header);
  const computed = (row: string, col: string) => kindOf(file, row, col) === 'computed';
  const samples: [string, string][] = (file.cellFormulas ?? []).map((f) => [f.row, f.col]);
  for (const c of file.columns.filter((x) => x.formula !== undefined)) {
    const row = dataRows.find((r) => computed(r.code, c.key) && !file.cellFormulas?.some((f) => f.row === r.code && f.col === c.key));
    if (row) samples.push([row.code, c.key]);
  }
  for (const r of dataRows.filter((x) => x.formula !== undefined)) {
    const col = file.columns.find((c) => computed(r.code, c.key) && c.formula === undefined && !file.cellFormulas?.some((f) => f.row === r.code && f.col === c.key));
    if (col) samples.push([r.code, col.key]);
  }
  return samples;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface SeenCell extends Box {
  classes: string[];
  backgroundColor: string;
  backgroundImage: string;
  color: string;
}

interface SeenRow {
  code: string;
  classes: string[];
  /** Column ids from left to right. */
  order: string[];
  cells: Record<string, SeenCell>;
}

interface SeenGrid {
  /** Header cells by column id, and the column ids from left to right. */
  columns: Record<string, Box>;
  columnOrder: string[];
  groups: Box[];
  /** Body rows from top to bottom (the pinned row of column numbers left out). */
  rows: SeenRow[];
}

/** The grid as rendered: header cells, header groups, and every body row's cells by column, with their looks. */
async function readGrid(page: Page): Promise<SeenGrid> {
  return page.locator('.report-grid').evaluate((grid) => {
    const box = (el: Element, text: string) => {
      const r = el.getBoundingClientRect();
      return { text: text.trim(), left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom) };
    };
    const byLeft = <T extends { left: number }>(a: T, b: T) => a.left - b.left;
    const headers = [...grid.querySelectorAll('.ag-header-cell[col-id]')]
      .map((el) => ({ id: el.getAttribute('col-id')!, ...box(el, el.querySelector('.ag-header-cell-text')?.textContent ?? '') }))
      .sort(byLeft);
    const groups = [...grid.querySelectorAll('.ag-header-group-cell')]
      .map((el) => box(el, el.querySelector('.ag-header-group-text')?.textContent ?? ''))
      .filter((g) => g.text !== '');
    const rows = [...grid.querySelectorAll('.ag-row[row-id]:not(.ag-row-pinned)')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((row) => {
        const cells = [...row.querySelectorAll('.ag-cell[col-id]')]
          .map((c) => {
            const style = getComputedStyle(c);
            return { id: c.getAttribute('col-id')!, ...box(c, c.textContent ?? ''), classes: [...c.classList], backgroundColor: style.backgroundColor, backgroundImage: style.backgroundImage, color: style.color };
          })
          .sort(byLeft);
        return { code: row.getAttribute('row-id')!, classes: [...row.classList], order: cells.map((c) => c.id), cells: Object.fromEntries(cells.map((c) => [c.id, c])) };
      });
    return { columns: Object.fromEntries(headers.map((h) => [h.id, h])), columnOrder: headers.map((h) => h.id), groups, rows };
  });
}

/**
 * Grows the window until the grid neither scrolls nor virtualises rows or columns away, so every cell is
 * in the DOM at once; then waits until each template row has drawn all its cells.
 */
async function showWholeGrid(page: Page, file: TemplateFile, showsUnit: boolean): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const overflow = await page.locator('.report-grid .ag-body-vertical-scroll-viewport').evaluate((el) => el.scrollHeight - el.clientHeight);
    const overflowX = await page.locator('.report-grid .ag-body-horizontal-scroll-viewport').evaluate((el) => el.scrollWidth - el.clientWidth);
    if (overflow <= 0 && overflowX <= 0) break;
    if (attempt === 5) throw new Error(`the grid of ${file.id} still scrolls (${overflow}px down, ${overflowX}px across)`);
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: size.width + Math.max(0, overflowX), height: size.height + Math.max(0, overflow) + 40 });
  }
  // A header row draws its code, its label (across the unit column too) and one band; a data row every cell.
  const expected = file.rows.reduce((n, r) => n + (r.header ? 3 : 2 + (showsUnit ? 1 : 0) + file.columns.length), 0);
  await page.waitForFunction((n) => document.querySelectorAll('.report-grid .ag-row[row-id]:not(.ag-row-pinned) .ag-cell').length === n, expected, { timeout: 15_000 });
}

/** Records every cell an editor opens on, from now on, as "row|col". */
async function watchEditors(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const opened = new Set<string>();
    (window as unknown as { openedEditors: Set<string> }).openedEditors = opened;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.classList?.contains('ag-cell-inline-editing')) opened.add(`${el.closest('[row-id]')?.getAttribute('row-id')}|${el.getAttribute('col-id')}`);
      }
    }).observe(document.querySelector('.report-grid')!, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  return () => page.evaluate(() => [...(window as unknown as { openedEditors: Set<string> }).openedEditors]);
}

/** Tries to edit a cell the two ways an officer would: double-click it, and select it and type. */
async function tryToEdit(page: Page, row: string, col: string): Promise<void> {
  const target = cell(page, row, col);
  await target.dblclick();
  await page.keyboard.press('Escape');
  await target.click();
  await page.keyboard.type('7');
  await page.keyboard.press('Escape');
}

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('templates', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

describe.each(CASES)('template $id', ({ id, file: authored, period, reporter }) => {
  // A template with lists renders them written out for the period (and the reporter's own report).
  let file = authored;
  // A unit column only when rows differ in unit; one unit for all is printed above the table.
  const unitOf = (r: TemplateFile['rows'][number]) => r.unit ?? file.defaults?.unit ?? '';
  const showsUnit = new Set(file.rows.filter((r) => !r.header).map(unitOf)).size > 1;
  const dataColumns = file.columns.map((c) => c.key);
  let page: Page;
  let grid: SeenGrid;
  const rowOf = (code: string) => grid.rows.find((r) => r.code === code);

  beforeAll(async () => {
    if (authored.rows.some((r) => r.list || r.openList)) {
      file = await (await apiAs(e2e, reporter.username)).templateVersion(id, authored.version, { period: period.id, unit: reporter.unit });
    }
    page = await e2e.logIn(reporter.username);
    await openReport(page, e2e.url, id, period.id, reporter.unit);
    await showWholeGrid(page, file, showsUnit);
    grid = await readGrid(page);
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it(`heads the form with its number, title, unit of measure, the unit and the period ${period.id} with its window`, async () => {
    await poll(() => text(page.locator('.form-header .form-number'))).toBe(file.formNumber);
    await poll(() => text(page.locator('.form-header .form-title'))).toBe(file.title);
    await poll(() => text(page.locator('.form-header .form-unit'))).toBe(`Đơn vị báo cáo: ${reporter.unitName} (${reporter.unit})`);
    await poll(() => text(page.locator('.form-header .form-period'))).toBe(`${period.label} (Từ ngày ${dmy(period.start)} đến ngày ${dmy(period.end)})`);
    if (file.unitOfMeasure) await poll(() => text(page.locator('.form-header .form-uom'))).toBe(`Đơn vị tính: ${file.unitOfMeasure}`);
    await poll(() => text(page.locator('.form-header .badge'))).toBe('Đang soạn');
  });

  it('heads every column with its label (and its own unit), under each of its header groups, outermost on top', () => {
    const headed = Object.fromEntries(file.columns.map((c) => [c.key, grid.columns[c.key]?.text]));
    expect(headed).toEqual(Object.fromEntries(file.columns.map((c) => [c.key, c.unit ? `${c.label} (${c.unit})` : c.label])));
    expect(grid.columnOrder).toEqual(['_code', '_label', ...(showsUnit ? ['_unit'] : []), ...dataColumns]);
    for (const c of file.columns) {
      const header = grid.columns[c.key]!;
      // The group cells above the column, from the top down: each spans the column and sits above the next.
      const above = grid.groups.filter((g) => g.left <= header.left && header.right <= g.right && g.bottom <= header.top).sort((a, b) => a.top - b.top);
      expect(above.map((g) => g.text), `header groups above column ${c.key}`).toEqual(c.group ?? []);
    }
  });

  it('lists every row with its code, label and unit, indented as declared, header rows as section bands', () => {
    expect(grid.rows.map((r) => r.code)).toEqual(file.rows.map((r) => r.code));
    const firstColumn = grid.columns[dataColumns[0]!]!;
    const lastColumn = grid.columns[dataColumns.at(-1)!]!;
    for (const r of file.rows) {
      const seen = rowOf(r.code)!;
      expect(seen.cells._code?.text, `code of row ${r.code}`).toBe(r.code);
      expect(seen.cells._label?.text, `label of row ${r.code}`).toBe(r.label);
      expect(seen.cells._label?.classes, `indent of row ${r.code}`).toContain(`report-indent-${r.indent ?? 0}`);
      if (r.header) {
        // One band across every data column, the label running over the unit column.
        expect(seen.classes, `row ${r.code}`).toContain('report-header-row');
        expect(seen.order, `cells of header row ${r.code}`).toEqual(['_code', '_label', dataColumns[0]]);
        const band = seen.cells[dataColumns[0]!]!;
        expect(band.classes).toContain('report-cell-header');
        expect([band.left, band.right], `band of row ${r.code}`).toEqual([firstColumn.left, lastColumn.right]);
        if (showsUnit) expect(seen.cells._label!.right, `label of header row ${r.code}`).toBe(grid.columns._unit!.right);
      } else {
        expect(seen.classes, `row ${r.code}`).not.toContain('report-header-row');
        if (showsUnit) expect(seen.cells._unit?.text, `unit of row ${r.code}`).toBe(unitOf(r));
        expect(seen.order, `cells of row ${r.code}`).toEqual(['_code', '_label', ...(showsUnit ? ['_unit'] : []), ...dataColumns]);
      }
    }
  });

  it('draws input, computed and greyed-out cells each in their own style', async () => {
    const kinds = (pick: (row: string, col: string) => string) =>
      Object.fromEntries(file.rows.filter((r) => !r.header).flatMap((r) => dataColumns.map((col) => [`${r.code}|${col}`, pick(r.code, col)])));
    expect(kinds((row, col) => rowOf(row)?.cells[col]?.classes.find((k) => /^report-cell-(input|computed|disabled)$/.test(k)) ?? '')).toEqual(
      kinds((row, col) => `report-cell-${kindOf(file, row, col)}`),
    );

    // Computed cells take the colour of the legend's "Ô tự tính" swatch, unless a check colours them.
    const swatch = await page.locator('.legend-computed').evaluate((el) => getComputedStyle(el, '::before').backgroundColor);
    const flagged = (c: SeenCell) => c.classes.includes('report-cell-error') || c.classes.includes('report-cell-warning');
    for (const [key, kind] of Object.entries(kinds((row, col) => kindOf(file, row, col)))) {
      const [row, col] = key.split('|') as [string, string];
      const seen = rowOf(row)!.cells[col]!;
      if (kind === 'computed' && !flagged(seen)) expect(seen.backgroundColor, `computed cell ${key}`).toBe(swatch);
      if (kind === 'disabled') {
        // Hatched grey, and nothing written in it.
        expect(seen.backgroundImage, `greyed-out cell ${key}`).toMatch(/^repeating-linear-gradient/);
        expect([seen.text, seen.color], `greyed-out cell ${key}`).toEqual(['', 'rgba(0, 0, 0, 0)']);
      }
    }
  });

  it('opens no editor on greyed-out cells, computed cells or section bands, while an input cell opens one', async () => {
    const refused: [string, string][] = [
      ...file.rows.filter((r) => !r.header).flatMap((r) => dataColumns.filter((col) => kindOf(file, r.code, col) === 'disabled').map((col): [string, string] => [r.code, col])),
      ...computedSamples(file),
      ...file.rows.filter((r) => r.header).map((r): [string, string] => [r.code, dataColumns[0]!]),
    ];
    const input = file.rows.filter((r) => !r.header).flatMap((r) => dataColumns.filter((col) => kindOf(file, r.code, col) === 'input').map((col) => [r.code, col] as const))[0]!;
    const opened = await watchEditors(page);

    for (const [row, col] of refused) await tryToEdit(page, row, col);
    // The same gestures on an input cell do open an editor (Escape then cancels it): the ones above were seen.
    await tryToEdit(page, ...input);

    expect(await opened()).toEqual([`${input[0]}|${input[1]}`]);
    await poll(() => text(page.locator('.save-state'))).not.toContain('ô chưa lưu');
    for (const [row, col] of refused) await poll(() => text(cell(page, row, col)), `${row}|${col}`).toBe(rowOf(row)!.cells[col]!.text);
  });
});
