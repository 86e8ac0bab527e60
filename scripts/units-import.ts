// npm run units:import -- FILE --valid-from YYYY-MM-DD [--dry-run]: loads an official unit list (CSV or
// XLSX, GSO layout) into the database of DATABASE_URL, the same way POST /api/units/import does.
import { readFileSync } from 'node:fs';
import { openStore } from '../server/db/client';
import { importUnitList } from '../server/services/unit-import';
import { ListError, parseList, readTable } from '../server/units/gso-list';
import { isIsoDate } from '../domain/periods';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--valid-from');
const validFrom = args[args.indexOf('--valid-from') + 1];
const dryRun = args.includes('--dry-run');
if (!file || !args.includes('--valid-from') || !validFrom || !isIsoDate(validFrom)) {
  console.error('Cách dùng (usage): npm run units:import -- TỆP (FILE) --valid-from YYYY-MM-DD [--dry-run]');
  process.exit(2);
}
const store = await openStore(process.env.DATABASE_URL ?? 'file:data/reporting.db');
try {
  const result = await importUnitList(store, parseList(await readTable(readFileSync(file))), validFrom, dryRun);
  console.log(`${dryRun ? 'Chạy thử, không ghi gì / dry run, nothing written' : 'Đã nạp / loaded'}: danh mục hiệu lực từ / list valid from ${validFrom}`);
  console.log(`  thêm ${result.added.length}, đổi tên ${result.renamed.length}, chuyển ${result.moved.length}, đóng ${result.closed.length}, giữ nguyên ${result.unchanged}`);
  console.log(`  (added ${result.added.length}, renamed ${result.renamed.length}, moved ${result.moved.length}, closed ${result.closed.length}, unchanged ${result.unchanged})`);
  for (const [label, list] of [['thêm', result.added], ['đổi tên', result.renamed], ['chuyển', result.moved], ['đóng', result.closed]] as const) {
    for (const u of list.slice(0, 20)) console.log(`  ${label}: ${u.code} ${u.name}${u.from ? ` ← ${u.from.map((f) => f.code).join(', ')}` : ''}`);
    if (list.length > 20) console.log(`  … và ${list.length - 20} đơn vị khác / and ${list.length - 20} more (${label})`);
  }
} catch (error) {
  if (!(error instanceof ListError)) throw error;
  console.error(error.message);
  for (const issue of error.issues.slice(0, 50)) console.error(`  ${issue.message}`);
  process.exitCode = 1;
} finally {
  store.close();
}
