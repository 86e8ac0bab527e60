// The Excel package rows: a province's and the nation's workbook over HTTP (streamed from the server's
// worker thread), beside plain exceljs writing the same number of sheets and cells in this process.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RowModule } from '../context';
import { PERIOD, T } from '../fixture';

/** exceljs alone: `sheets` sheets of the form's 21 × 11 cells, in memory or streamed to nowhere. */
async function plainWorkbook(sheets: number, streaming: boolean) {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const wb = streaming ? new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink }) : new ExcelJS.Workbook();
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`S${s}`);
    for (let r = 0; r < 21; r++) ws.addRow(Array.from({ length: 11 }, (_, c) => r * c));
    if (streaming) (ws as ExcelJS.Worksheet & { commit(): void }).commit();
  }
  if (streaming) await (wb as ExcelJS.stream.xlsx.WorkbookWriter).commit();
  else await (wb as ExcelJS.Workbook).xlsx.writeBuffer();
}

export const excelRows: RowModule = {
  key: 'excel',
  async run(ctx) {
    const province = () => plainWorkbook(195, false);
    const nation = () => plainWorkbook(ctx.fx.communes + 1, true);
    return [
      await ctx.measure({
        name: 'excel province',
        runs: 3,
        ours: () => ctx.get(`/api/exports/${T}/${PERIOD}/20.xlsx`, ctx.head),
        baseline: 'plain exceljs, same cells',
        baselineFn: province,
        note: '195 sheets',
      }),
      await ctx.measure({
        name: 'excel nation',
        runs: 1,
        warmup: false,
        ours: () => ctx.get(`/api/exports/${T}/${PERIOD}/VN.xlsx`, ctx.admin),
        baseline: 'plain exceljs streaming, same cells',
        baselineFn: nation,
        note: `${ctx.fx.communes + 1} sheets; rssMb is the server's peak while it ran`,
      }),
    ];
  },
};
