// The period chooser's lists: years a template covers, the period preselected, and the units a user may
// open in the hierarchy of a period's last day (before and after the 2025 reform).
import { describe, expect, it } from 'vitest';
import type { Me, PeriodInfo, UnitNode } from '../../schema/api';
import { defaultPeriod, unitChoices, yearsOf } from '../../client/views/Worklist/chooser-options';

const unit = (code: string, name: string, level: UnitNode['level'], parentCode: string | null): UnitNode => ({ code, name, level, parentCode, kind: 'administrative', type: '', sector: null });

/** Lạng Sơn on 14/03/2025: province → district → commune. */
const BEFORE_REFORM: UnitNode[] = [
  unit('20', 'Tỉnh Lạng Sơn', 'province', null),
  unit('180', 'Huyện Tràng Định', 'district', '20'),
  unit('178', 'Thành phố Lạng Sơn', 'district', '20'),
  unit('05974', 'Phường Tam Thanh', 'commune', '178'),
  unit('05971', 'Phường Hoàng Văn Thụ', 'commune', '178'),
  unit('05998', 'Xã Khánh Long', 'commune', '180'),
];
/** On 14/09/2025: province → commune; 05971 was merged away. */
const AFTER_REFORM: UnitNode[] = [unit('20', 'Tỉnh Lạng Sơn', 'province', null), unit('05986', 'Phường Tam Thanh', 'commune', '20')];

const me = (role: Me['role'], code?: string): Pick<Me, 'role' | 'unit'> => ({ role, unit: code ? { code, name: code, level: 'commune' } : null });

describe('unitChoices', () => {
  it('offers an officer their own unit only', () => {
    expect(unitChoices(me('officer', '05971'), BEFORE_REFORM).map((u) => u.code)).toEqual(['05971']);
  });

  it('offers a merged commune nothing in a period after the reform, so the view can say why', () => {
    expect(unitChoices(me('officer', '05971'), AFTER_REFORM)).toEqual([]);
  });

  it("offers a head their unit and its subtree in order, with each unit's depth", () => {
    expect(unitChoices(me('head', '178'), BEFORE_REFORM).map((u) => [u.code, u.depth])).toEqual([
      ['178', 0],
      ['05971', 1],
      ['05974', 1],
    ]);
    expect(unitChoices(me('head', '20'), BEFORE_REFORM).map((u) => u.code)).toEqual(['20', '178', '05971', '05974', '180', '05998']);
  });

  it('offers an administrator every unit', () => {
    expect(unitChoices(me('admin'), AFTER_REFORM).map((u) => u.code)).toEqual(['20', '05986']);
  });
});

describe('yearsOf and defaultPeriod', () => {
  it('lists the years from the first version to this year, newest first', () => {
    expect(yearsOf({ versions: [{ version: 1, effectiveFrom: '2023Q1' }, { version: 2, effectiveFrom: '2025Q3' }] }, '2026-11-27')).toEqual([2026, 2025, 2024, 2023]);
    expect(yearsOf({ versions: [{ version: 1, effectiveFrom: '2027-01-01' }] }, '2026-11-27')).toEqual([2027]);
  });

  it('preselects the latest period already begun', () => {
    const q = (id: string, start: string, end: string): PeriodInfo => ({ id, label: id, start, end, deadlines: {} });
    const year = [q('2026Q1', '2025-12-15', '2026-03-14'), q('2026Q2', '2026-03-15', '2026-06-14'), q('2026Q3', '2026-06-15', '2026-09-14'), q('2026Q4', '2026-09-15', '2026-12-14')];
    expect(defaultPeriod(year, '2026-07-01')?.id).toBe('2026Q3');
    expect(defaultPeriod(year, '2025-12-01')?.id).toBe('2026Q1');
  });
});
