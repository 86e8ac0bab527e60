// The report's audit trail as a Vietnamese reader sees it: cells by their row and column labels, values in
// vi-VN, times in Viet Nam's time zone, workflow steps by name, newest first.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../schema/api';
import { setLocale } from '../../client/i18n';
import { historyLines } from '../../client/views/Report/history-lines';
import { bieu06 } from './fixtures/templates';

const TRAIL: AuditEntry[] = [
  { at: '2025-03-16T17:05:00.000Z', username: 'canbo-05971', action: 'create' },
  { at: '2025-03-16T17:05:00.000Z', username: 'canbo-05971', action: 'set-value', row: '01', col: 'nhan_tong', newValue: 10 },
  { at: '2025-03-17T02:30:00.000Z', username: 'canbo-05971', action: 'set-value', row: '01', col: 'nhan_tong', oldValue: 10, newValue: 1250 },
  { at: '2025-03-17T02:30:00.000Z', username: 'canbo-05971', action: 'set-section', col: 'danh_gia_chung', newValue: 'Tốt' },
  { at: '2025-03-17T02:31:00.000Z', username: 'canbo-05971', action: 'submit', oldValue: 'draft', newValue: 'submitted' },
  { at: '2025-03-18T01:00:00.000Z', username: 'lanhdao-178', action: 'return', reason: 'Dòng 01 chưa khớp sổ theo dõi.' },
  { at: '2025-03-18T01:10:00.000Z', username: 'lanhdao-178', action: 'approve' },
];

afterEach(() => setLocale('vi'));

describe('historyLines', () => {
  it('says what happened in Vietnamese, newest first, at Viet Nam time', () => {
    const lines = historyLines(TRAIL, bieu06());
    expect(lines.map((l) => [l.time, l.username, l.what])).toEqual([
      ['18/03/2025 08:10', 'lanhdao-178', 'Duyệt'],
      ['18/03/2025 08:00', 'lanhdao-178', 'Trả lại: Dòng 01 chưa khớp sổ theo dõi.'],
      ['17/03/2025 09:31', 'canbo-05971', 'Gửi báo cáo'],
      ['17/03/2025 09:30', 'canbo-05971', 'Sửa phần thuyết minh "Đánh giá chung"'],
      ['17/03/2025 09:30', 'canbo-05971', 'Sửa ô Hộ tịch × Tổng số: 10 → 1.250'],
      // 17:05 UTC is already the next day in Viet Nam.
      ['17/03/2025 00:05', 'canbo-05971', 'Sửa ô Hộ tịch × Tổng số: (trống) → 10'],
      ['17/03/2025 00:05', 'canbo-05971', 'Tạo báo cáo'],
    ]);
  });

  it('names the column group of a changed cell, and marks lines of the same save', () => {
    const lines = historyLines(TRAIL, bieu06());
    expect(lines[4]!.where).toBe('Dòng 01 · Số hồ sơ nhận giải quyết › Tổng số');
    expect(lines.map((l) => l.continues)).toEqual([false, false, false, false, true, false, true]);
  });

  it('speaks English when the UI does', () => {
    setLocale('en');
    const lines = historyLines(TRAIL.slice(0, 3), bieu06());
    expect(lines.map((l) => l.what)).toEqual(['Changed Hộ tịch × Tổng số: 10 → 1.250', 'Changed Hộ tịch × Tổng số: (empty) → 10', 'Report created']);
  });

  it('keeps an action it does not know as the server named it', () => {
    expect(historyLines([{ at: '2025-03-18T01:10:00.000Z', username: 'admin', action: 'unlock' }], bieu06())[0]!.what).toBe('unlock');
  });
});
