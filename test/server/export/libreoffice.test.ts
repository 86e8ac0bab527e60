// The Excel package opened by a real spreadsheet program: LibreOffice converts it to CSV (every sheet)
// and to PDF, the CSV totals are checked against the API, and the PDF has the expected A4 landscape
// pages with the table header repeated on each. Needs soffice and pdfinfo/pdftotext (.ci/run installs
// libreoffice-calc and poppler-utils); a missing tool fails the test.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregate, Report } from '../../../schema/api';
import { parseCsv } from '../../../server/exchange/sdmx-csv';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { FILL_NOW, fillTwoCommunes, P, T } from '../exchange/exchange-fixtures';

const run = promisify(execFile);
let t: TestApp;
let head: string;
let dir: string;

/** soffice with a profile of its own, so it never meets another engineer's running instance. */
const soffice = (...args: string[]) =>
  run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', ...args], { cwd: dir, timeout: 180_000 });

async function download(path: string, name: string): Promise<string> {
  const res = await t.request(path, { cookie: head });
  expect(res.status).toBe(200);
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

async function pdfPages(file: string): Promise<{ count: number; sizes: string[]; texts: string[] }> {
  const info = (await run('pdfinfo', ['-f', '1', '-l', '999', file])).stdout;
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1]!.trim());
  const texts: string[] = [];
  for (let page = 1; page <= count; page++) texts.push((await run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'])).stdout);
  return { count, sizes, texts };
}

const A4_LANDSCAPE = '841.89 x 595.304 pts (A4)';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-soffice-'));
  t = await createTestApp({ now: FILL_NOW });
  await fillTwoCommunes(t);
  head = await t.login('lanhdao-178');
}, 60_000);
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Excel package in LibreOffice', () => {
  it('converts every sheet to CSV with the roll-up and each unit’s figures equal to the API’s', async () => {
    const xlsx = await download(`/api/exports/${T}/${P}/178.xlsx?include=submitted`, 'package.xlsx');
    // Filter options: comma, double quote, UTF-8, from line 1, …, sheet -1 = every sheet to its own file.
    await soffice('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, xlsx);
    const sheet = (name: string) => parseCsv(readFileSync(join(dir, `package-${name}.csv`), 'utf8'));
    const summary = sheet('Tổng hợp');
    expect(summary[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(summary[1]).toContain('Độc lập - Tự do - Hạnh phúc');
    const columns = t.deps.templates.latest(T)!.compiled.columns.map((c) => c.key);
    const numbering = summary.findIndex((r) => r.includes('(1)'));
    const first = summary[numbering]!.indexOf('(1)');
    const figuresOf = (rows: string[][], code: string) => {
      const row = rows.find((r) => r[0] === code)!;
      return Object.fromEntries(columns.map((key, i) => [key, row[first + i] === '' ? null : Number(row[first + i])]));
    };
    const aggregate = (await (await t.request(`/api/aggregates/${T}/${P}/178?include=submitted`, { cookie: head })).json()) as Aggregate;
    const fromApi = (values: { row: string; col: string; value: unknown }[], code: string) =>
      Object.fromEntries(columns.map((key) => [key, (values.find((x) => x.row === code && x.col === key)?.value as number | undefined) ?? null]));
    for (const code of ['TC', '01', '02']) expect(figuresOf(summary, code)).toEqual(fromApi(aggregate.values, code));
    expect(figuresOf(summary, 'TC').nhan_tong).toBe(110);
    for (const [unit, name] of [['05971', 'Hoàng Văn Thụ'], ['05974', 'Tam Thanh']]) {
      const report = (await (await t.request(`/api/reports/${T}/${P}/${unit}`, { cookie: head })).json()) as Report;
      expect(figuresOf(sheet(`${unit} ${name}`), 'TC')).toEqual(fromApi(report.values, 'TC'));
    }
    const completeness = sheet('Tình hình báo cáo');
    const line = (code: string) => completeness.find((r) => r[1] === code);
    expect(line('05971')?.slice(3)).toEqual(['Đã duyệt', '17/03/2025 10:00', '18/03/2025', 'Đúng hạn']);
    expect(line('05977')?.slice(3)).toEqual(['Đang soạn', '', '18/03/2025', 'Chưa gửi']);
  }, 240_000);

  it('prints to A4 landscape: one page per sheet for Biểu 06, the completeness sheet last', async () => {
    const xlsx = await download(`/api/exports/${T}/${P}/178.xlsx?include=submitted`, 'bieu06.xlsx');
    await soffice('--convert-to', 'pdf', '--outdir', dir, xlsx);
    const pdf = await pdfPages(join(dir, 'bieu06.pdf'));
    expect(pdf.count).toBe(4);
    expect(pdf.sizes).toEqual(Array(4).fill(A4_LANDSCAPE));
    expect(pdf.texts[0]).toContain('Tình hình, kết quả giải quyết TTHC');
    expect(pdf.texts[0]).toMatch(/Lạng Sơn, ngày 17 tháng 03 năm 2025/);
    expect(pdf.texts[1]).toContain('Trạng thái báo cáo: Đã duyệt.');
    expect(pdf.texts[3]).toContain('TÌNH HÌNH GỬI BÁO CÁO');
  }, 240_000);

  it('repeats the table header on every page of a form longer than a page', async () => {
    const xlsx = await download('/api/exports/kinh-te-xa-hoi-xa/202501/178.xlsx', 'ktxh.xlsx');
    await soffice('--convert-to', 'pdf', '--outdir', dir, xlsx);
    const pdf = await pdfPages(join(dir, 'ktxh.pdf'));
    // The summary runs over several pages; the completeness sheet is the last one.
    expect(pdf.count).toBeGreaterThanOrEqual(3);
    expect(pdf.sizes.every((s) => s === A4_LANDSCAPE)).toBe(true);
    const formPages = pdf.texts.slice(0, -1);
    for (const [i, text] of formPages.entries()) {
      expect(text, `page ${i + 1}`).toMatch(/STT\s+Nội dung/);
      expect(text, `page ${i + 1}`).toContain('Trang ');
    }
    expect(formPages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(formPages[1]).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdf.texts.at(-1)).toContain('TÌNH HÌNH GỬI BÁO CÁO');
  }, 240_000);
});
