// npm run templates:check -- DIR: the start-up checks of report templates, for a template author.
// The holiday calendar is the built-in one plus, when DATABASE_URL names a database, its admins' days.
import { createHolidayCalendar, VN_CIVIL_SERVICE_DAYS_OFF } from '../domain/periods';
import { openStore } from '../server/db/client';
import { createHolidaySource } from '../server/holidays';
import { checkTemplateFolder } from '../server/templates/check-folder';
import { TEMPLATES_DIR } from '../server/templates/registry';

const dir = process.argv[2] ?? TEMPLATES_DIR;
const databaseUrl = process.env.DATABASE_URL;
const store = databaseUrl ? await openStore(databaseUrl) : undefined;
const holidays = store ? await createHolidaySource(store.db).calendar() : createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);

try {
  const { checked, refused } = await checkTemplateFolder(dir, holidays);
  for (const message of refused) console.error(`${message}\n`);
  if (checked === 0) {
    console.error(`Không có tệp mẫu nào trong ${dir} / no template file in ${dir}`);
    process.exitCode = 1;
  } else if (refused.length > 0) {
    console.error(`${refused.length} lỗi trong ${checked} tệp mẫu / ${refused.length} problem(s) in ${checked} template file(s)`);
    process.exitCode = 1;
  } else {
    console.log(`${checked} tệp mẫu hợp lệ, khởi động sẽ nhận / ${checked} template file(s) valid, start-up will accept them`);
  }
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  console.error(`Không đọc được thư mục ${dir} / cannot read the folder ${dir}`);
  process.exitCode = 1;
} finally {
  store?.close();
}
