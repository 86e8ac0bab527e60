import { writeWorkbook } from '../../../server/export/xlsx';
import { bieu06Data, NOW } from './export-fixtures';
const data = bieu06Data();
const base = data.reports;
for (const n of [1000, 3321]) {
const reports = Array.from({ length: n }, (_, i) => {
  const r = base[i % base.length]!;
  return { ...r, unit: { ...r.unit, code: String(10000 + i), name: `Xã Thử ${i}` } };
});
const t = Date.now();
const buf = await writeWorkbook({ ...data, reports }, NOW);
console.log(n, 'xlsx', buf.length, 'bytes', Date.now() - t, 'ms', Math.round(process.memoryUsage().rss / 1e6), 'MB rss');
}
