import { computeReport } from '../../../../server/domain/template/evaluator';
import type { CellValues } from '../../../../server/domain/template/cell-key';
import { at, compile, monthly, values } from './fixtures';
const inputKeys = ['a', 'b', 'c', 'd', 'e', 'f'];
const ct = compile({
  columns: [
    ...inputKeys.map((key) => ({ key, label: key.toUpperCase() })),
    { key: 'total', label: 'Tổng', formula: inputKeys.map((k) => `col('${k}')`).join(' + ') },
    { key: 'prev', label: 'Kỳ trước', formula: "prev(col('total'))" },
    { key: 'ly', label: 'Cùng kỳ', formula: "lastYear(col('total'))" },
    { key: 'ytd', label: 'Lũy kế', formula: "ytd(col('total'))" },
  ],
  rows: [
    { code: 'T', label: 'Tổng cộng', formula: "sumRows('1', '59')", aggregation: 'formula' },
    ...Array.from({ length: 59 }, (_, i) => ({ code: String(i + 1), label: `Dòng ${i + 1}` })),
  ],
});
const data: Record<string, CellValues> = {};
for (const year of ['2023', '2024']) for (let m = 1; m <= 12; m++) {
  const period = `${year}${String(m).padStart(2, '0')}`;
  data[period] = values(...ct.inputCells.map((c, i): [string, string, number] => [c.row, c.col, (i * 7 + m) % 50]));
}
const run = () => computeReport(ct, monthly('202412', data));
for (let i = 0; i < 50; i++) run();
const t = performance.now();
for (let i = 0; i < 100; i++) run();
console.log('per run ms', (performance.now() - t) / 100, at(run(), 'T', 'ytd'));
