// The dashboard page's pure choices: the period it opens on, the way back up the drill-down (never above
// the units the user holds a role on), what a count card picks out, and the due and overdue lists.
import { describe, expect, it } from 'vitest';
import type { Me, PeriodInfo, UnitNode } from '../../schema/api';
import type { DashboardStatusUnit } from '../../schema/dashboard';
import { defaultPeriod, dueLines, homeUnit, matchesFilter, overdueLines, unitsAbove } from '../../client/views/Dashboard/dashboard-view';

const period = (id: string, start: string, end: string): PeriodInfo => ({ id, label: id, start, end, deadlines: {} });
const node = (code: string, parentCode: string | null, level: UnitNode['level'] = 'commune'): UnitNode => ({ code, name: `Đơn vị ${code}`, level, kind: 'administrative', type: '', sector: null, parentCode });
const me = (roles: { role: Me['role']; code: string | null }[]): Me => ({
  username: 'u',
  name: 'U',
  role: roles[0]!.role,
  unit: null,
  roles: roles.map((r) => ({ role: r.role, unitCode: r.code, unit: r.code ? { code: r.code, name: r.code, level: 'commune', validFrom: '2025-07-01', validTo: null } : null, from: '2025-07-01', to: null })),
});
const line = (unitCode: string, patch: Partial<DashboardStatusUnit>): DashboardStatusUnit => ({
  unitCode, unitName: unitCode, level: 'commune', parentCode: '20', status: 'draft', isLate: false, deadline: '2026-11-16', submittedAt: null, ...patch,
});

describe('dashboard view helpers', () => {
  it('opens on the newest period whose data window has closed', () => {
    const periods = [period('202610', '2026-09-15', '2026-10-14'), period('202611', '2026-10-15', '2026-11-14'), period('202612', '2026-11-15', '2026-12-14')];
    expect(defaultPeriod(periods, '2026-11-27')).toBe('202611');
    expect(defaultPeriod(periods.slice(2), '2026-11-27')).toBe('202612');
    expect(defaultPeriod([], '2026-11-27')).toBeUndefined();
  });

  it('goes back up only as far as the unit the user holds a role on', () => {
    const units = [node('20', null, 'province'), node('178', '20', 'district'), node('05977', '178')];
    expect(unitsAbove('05977', units, me([{ role: 'head', code: '20' }])).map((u) => u.code)).toEqual(['20', '178']);
    expect(unitsAbove('05977', units, me([{ role: 'head', code: '178' }])).map((u) => u.code)).toEqual(['178']);
    expect(unitsAbove('05977', units, me([{ role: 'officer', code: '05977' }]))).toEqual([]);
    expect(unitsAbove('05977', units, me([{ role: 'admin', code: null }])).map((u) => u.code)).toEqual(['20', '178']);
    expect(homeUnit(me([{ role: 'officer', code: '05977' }]))).toBe('05977');
  });

  it('picks out the lines a count card names, and lists due and overdue reports in order', () => {
    const lines = [
      line('a', { status: 'approved', submittedAt: '2026-11-16T01:00:00Z' }),
      line('b', { status: 'submitted', isLate: true, daysLate: 2, submittedAt: '2026-11-18T01:00:00Z' }),
      line('c', { status: 'returned', isLate: true, daysLate: 9 }),
      line('d', { isLate: true, daysLate: 4 }),
      line('e', { daysLeft: 3 }),
      line('f', { daysLeft: 0 }),
    ];
    const pick = (f: Parameters<typeof matchesFilter>[1]) => lines.filter((l) => matchesFilter(l, f)).map((l) => l.unitCode);
    expect(pick('submitted')).toEqual(['a', 'b']);
    expect(pick('onTime')).toEqual(['a']);
    expect(pick('late')).toEqual(['b', 'c', 'd']);
    expect(pick('missing')).toEqual(['d', 'e', 'f']);
    expect(pick('returned')).toEqual(['c']);
    expect(overdueLines(lines).map((l) => l.unitCode)).toEqual(['c', 'd']);
    expect(dueLines(lines).map((l) => l.unitCode)).toEqual(['f', 'e']);
  });
});
