// The official days off (and make-up Saturdays) of Vietnamese civil servants, 2020–2027, as decided
// each year; the default holiday calendar, to which admins add entries for later years.
import type { HolidayEntry } from './working-days';

const off = (date: string, name: string): HolidayEntry => ({ date, name, kind: 'off' });
const workday = (date: string, name: string): HolidayEntry => ({ date, name, kind: 'workday' });
const provisional = (entry: HolidayEntry): HolidayEntry => ({ ...entry, provisional: true });

// Rules behind every year: Bộ luật Lao động 2012 Art. 115 (to 2020) and 2019 Art. 112 (from 2021):
// 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 (1 day to
// 2020, from 2021 2 days: 2/9 and the day before or after). A holiday on a weekend is taken on the
// next working day (nghỉ bù, Art. 111(3) of the 2019 Code). The Prime Minister fixes the Tết days and
// any swap of a working day against a Saturday (hoán đổi, làm bù). Weekend holidays are listed too,
// so that each compensatory day sits next to the holiday it makes up for.
// Lunar dates were checked with Hồ Ngọc Đức's algorithm for UTC+7.

// 2020: Tết per the Bộ LĐTBXH notice no. 4544 of 25/10/2019 (Tết 23/01–29/01); the rest per the
// Labour Code 2012 (no swap; Quốc khánh one day).
const Y2020: HolidayEntry[] = [
  off('2020-01-01', 'Tết Dương lịch'),
  off('2020-01-23', 'Tết Nguyên đán (29 tháng Chạp)'),
  off('2020-01-24', 'Tết Nguyên đán (30 tháng Chạp)'),
  off('2020-01-25', 'Tết Nguyên đán (mùng 1)'),
  off('2020-01-26', 'Tết Nguyên đán (mùng 2)'),
  off('2020-01-27', 'Tết Nguyên đán (mùng 3)'),
  off('2020-01-28', 'Tết Nguyên đán (nghỉ bù mùng 1)'),
  off('2020-01-29', 'Tết Nguyên đán (nghỉ bù mùng 2)'),
  off('2020-04-02', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  off('2020-04-30', 'Ngày Chiến thắng'),
  off('2020-05-01', 'Ngày Quốc tế Lao động'),
  off('2020-09-02', 'Quốc khánh'),
];

// 2021: Thông báo 4875/TB-LĐTBXH (Tết 10/02–16/02, Quốc khánh 02/09–03/09); 1/5 on a Saturday,
// taken on Monday 3/5.
const Y2021: HolidayEntry[] = [
  off('2021-01-01', 'Tết Dương lịch'),
  off('2021-02-10', 'Tết Nguyên đán (29 tháng Chạp)'),
  off('2021-02-11', 'Tết Nguyên đán (30 tháng Chạp)'),
  off('2021-02-12', 'Tết Nguyên đán (mùng 1)'),
  off('2021-02-13', 'Tết Nguyên đán (mùng 2)'),
  off('2021-02-14', 'Tết Nguyên đán (mùng 3)'),
  off('2021-02-15', 'Tết Nguyên đán (nghỉ bù mùng 2)'),
  off('2021-02-16', 'Tết Nguyên đán (nghỉ bù mùng 3)'),
  off('2021-04-21', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  off('2021-04-30', 'Ngày Chiến thắng'),
  off('2021-05-01', 'Ngày Quốc tế Lao động'),
  off('2021-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)'),
  off('2021-09-02', 'Quốc khánh'),
  off('2021-09-03', 'Quốc khánh (ngày liền kề)'),
];

// 2022: Công văn 245/VPCP-KGVX of 11/01/2022 (Tết 31/01–04/02, Quốc khánh 01/09–02/09); 1/1, Giỗ Tổ
// (10/4), 30/4 and 1/5 fell on weekends and were taken on 3/1, 11/4, 2/5 and 3/5.
const Y2022: HolidayEntry[] = [
  off('2022-01-01', 'Tết Dương lịch'),
  off('2022-01-03', 'Tết Dương lịch (nghỉ bù)'),
  off('2022-01-31', 'Tết Nguyên đán (29 tháng Chạp)'),
  off('2022-02-01', 'Tết Nguyên đán (mùng 1)'),
  off('2022-02-02', 'Tết Nguyên đán (mùng 2)'),
  off('2022-02-03', 'Tết Nguyên đán (mùng 3)'),
  off('2022-02-04', 'Tết Nguyên đán (mùng 4)'),
  off('2022-04-10', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  off('2022-04-11', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
  off('2022-04-30', 'Ngày Chiến thắng'),
  off('2022-05-01', 'Ngày Quốc tế Lao động'),
  off('2022-05-02', 'Ngày Chiến thắng (nghỉ bù)'),
  off('2022-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)'),
  off('2022-09-01', 'Quốc khánh (ngày liền kề)'),
  off('2022-09-02', 'Quốc khánh'),
];

// 2023: Công văn 8056/VPCP-KGVX of 01/12/2022 (Tết 20/01–26/01, Quốc khánh 01/09–04/09). Giỗ Tổ
// (29/4, Sat) and 30/4 (Sun) were taken on 2/5 and 3/5 as compensatory days, not by a swap: no
// Saturday was worked in 2023.
const Y2023: HolidayEntry[] = [
  off('2023-01-01', 'Tết Dương lịch'),
  off('2023-01-02', 'Tết Dương lịch (nghỉ bù)'),
  off('2023-01-20', 'Tết Nguyên đán (29 tháng Chạp)'),
  off('2023-01-21', 'Tết Nguyên đán (30 tháng Chạp)'),
  off('2023-01-22', 'Tết Nguyên đán (mùng 1)'),
  off('2023-01-23', 'Tết Nguyên đán (mùng 2)'),
  off('2023-01-24', 'Tết Nguyên đán (mùng 3)'),
  off('2023-01-25', 'Tết Nguyên đán (nghỉ bù 30 tháng Chạp)'),
  off('2023-01-26', 'Tết Nguyên đán (nghỉ bù mùng 1)'),
  off('2023-04-29', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  off('2023-04-30', 'Ngày Chiến thắng'),
  off('2023-05-01', 'Ngày Quốc tế Lao động'),
  off('2023-05-02', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
  off('2023-05-03', 'Ngày Chiến thắng (nghỉ bù)'),
  off('2023-09-01', 'Quốc khánh (ngày liền kề)'),
  off('2023-09-02', 'Quốc khánh'),
  off('2023-09-04', 'Quốc khánh (nghỉ bù)'),
];

// 2024: Công văn 8662/VPCP-KGVX of 03/11/2023 (Tết 08/02–14/02, Quốc khánh 31/08–03/09) and
// 2450/VPCP-KGVX of 12/04/2024 (Monday 29/4 off, worked on Saturday 4/5 instead).
const Y2024: HolidayEntry[] = [
  off('2024-01-01', 'Tết Dương lịch'),
  off('2024-02-08', 'Tết Nguyên đán (29 tháng Chạp)'),
  off('2024-02-09', 'Tết Nguyên đán (30 tháng Chạp)'),
  off('2024-02-10', 'Tết Nguyên đán (mùng 1)'),
  off('2024-02-11', 'Tết Nguyên đán (mùng 2)'),
  off('2024-02-12', 'Tết Nguyên đán (mùng 3)'),
  off('2024-02-13', 'Tết Nguyên đán (nghỉ bù mùng 1)'),
  off('2024-02-14', 'Tết Nguyên đán (nghỉ bù mùng 2)'),
  off('2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  off('2024-04-29', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)'),
  off('2024-04-30', 'Ngày Chiến thắng'),
  off('2024-05-01', 'Ngày Quốc tế Lao động'),
  workday('2024-05-04', 'Làm bù cho thứ Hai 29/4/2024'),
  off('2024-09-02', 'Quốc khánh'),
  off('2024-09-03', 'Quốc khánh (ngày liền kề)'),
];

// 2025: Công văn 8726/VPCP-KGVX of 26/11/2024 and Thông báo 6150/TB-LĐTBXH (Tết 25/01–02/02;
// Friday 2/5 off, worked on Saturday 26/4); Quốc khánh Sat 30/08 – Tue 02/09, holidays Mon 1/9 and
// Tue 2/9 (vietnamnews.vn, 04/08/2025, the source domain.md cites). The Tết rows are not re-checked
// against the notice's text (not at hand): domain.md asks for it.
const Y2025: HolidayEntry[] = [
  off('2025-01-01', 'Tết Dương lịch'),
  off('2025-01-27', 'Tết Nguyên đán (28 tháng Chạp)'),
  off('2025-01-28', 'Tết Nguyên đán (29 tháng Chạp)'),
  off('2025-01-29', 'Tết Nguyên đán (mùng 1)'),
  off('2025-01-30', 'Tết Nguyên đán (mùng 2)'),
  off('2025-01-31', 'Tết Nguyên đán (mùng 3)'),
  off('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  workday('2025-04-26', 'Làm bù cho thứ Sáu 02/5/2025'),
  off('2025-04-30', 'Ngày Chiến thắng'),
  off('2025-05-01', 'Ngày Quốc tế Lao động'),
  off('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'),
  off('2025-09-01', 'Quốc khánh (ngày liền kề)'),
  off('2025-09-02', 'Quốc khánh'),
];

// 2026, as domain.md cites each decision: Công văn 12729/VPCP-KGVX of 25/12/2025 (Tết Dương lịch
// Thu 01/01 – Sun 04/01: Friday 2/1 off, worked on Saturday 10/1); Thông báo 9441/TB-BNV of 16/10/2025
// (Tết Nguyên đán Sat 14/02 – Sun 22/02, holidays Mon 16/02 – Fri 20/02; Quốc khánh Sat 29/08 – Wed
// 02/09: holidays Tue 1/9 and Wed 2/9, Monday 31/8 off and worked on Saturday 22/8, as vietnamnews.vn
// reported on 17/10/2025); Giỗ Tổ (26/4, Sun) taken on Mon 27/4, and 30/4–1/5 (Thu–Fri) without a
// swap (thanhnien.vn, 23/02/2026).
// Not listed: Ngày Văn hóa Việt Nam 24/11, a day off in principle (Nghị quyết 80-NQ/TW; Nghị quyết
// 30/NQ-CP tasks amending Art. 112(1)) but not in the Labour Code as of 03/2026; add it once in force.
const Y2026: HolidayEntry[] = [
  off('2026-01-01', 'Tết Dương lịch'),
  off('2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)'),
  workday('2026-01-10', 'Làm bù cho thứ Sáu 02/01/2026'),
  off('2026-02-16', 'Tết Nguyên đán (29 tháng Chạp)'),
  off('2026-02-17', 'Tết Nguyên đán (mùng 1)'),
  off('2026-02-18', 'Tết Nguyên đán (mùng 2)'),
  off('2026-02-19', 'Tết Nguyên đán (mùng 3)'),
  off('2026-02-20', 'Tết Nguyên đán (mùng 4)'),
  off('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  off('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
  off('2026-04-30', 'Ngày Chiến thắng'),
  off('2026-05-01', 'Ngày Quốc tế Lao động'),
  workday('2026-08-22', 'Làm bù cho thứ Hai 31/08/2026'),
  off('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)'),
  off('2026-09-01', 'Quốc khánh (ngày liền kề)'),
  off('2026-09-02', 'Quốc khánh'),
];

// 2027: no notice yet; everything derived from the Labour Code 2019 Art. 112, so provisional. Tết
// (mùng 1 = Sat 06/02/2027) follows the usual shape of 2 days before and 3 after, as in 2020 and 2024
// when mùng 1 was also a Saturday; 1/5 (Sat) is taken on 3/5; Quốc khánh 2/9 (Thu) with Friday 3/9.
const Y2027: HolidayEntry[] = [
  off('2027-01-01', 'Tết Dương lịch'),
  off('2027-02-04', 'Tết Nguyên đán (28 tháng Chạp)'),
  off('2027-02-05', 'Tết Nguyên đán (29 tháng Chạp)'),
  off('2027-02-06', 'Tết Nguyên đán (mùng 1)'),
  off('2027-02-07', 'Tết Nguyên đán (mùng 2)'),
  off('2027-02-08', 'Tết Nguyên đán (mùng 3)'),
  off('2027-02-09', 'Tết Nguyên đán (nghỉ bù mùng 1)'),
  off('2027-02-10', 'Tết Nguyên đán (nghỉ bù mùng 2)'),
  off('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  off('2027-04-30', 'Ngày Chiến thắng'),
  off('2027-05-01', 'Ngày Quốc tế Lao động'),
  off('2027-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)'),
  off('2027-09-02', 'Quốc khánh'),
  off('2027-09-03', 'Quốc khánh (ngày liền kề)'),
].map(provisional);

export const VN_CIVIL_SERVICE_DAYS_OFF: readonly HolidayEntry[] = [
  ...Y2020,
  ...Y2021,
  ...Y2022,
  ...Y2023,
  ...Y2024,
  ...Y2025,
  ...Y2026,
  ...Y2027,
];

/** The years the list covers; outside them only weekends are days off until admins add entries. */
export const VN_DAYS_OFF_YEARS = { from: 2020, to: 2027 } as const;
