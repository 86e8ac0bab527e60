// End to end on a Biểu 06/VPCP/KSTT-shaped template: compile, compute, rules, input checks, roll-up.
import { describe, expect, it } from 'vitest';
import type { CellValues } from '../../../domain/template/cell-key';
import { aggregateInputs } from '../../../domain/template/aggregate';
import { computeReport } from '../../../domain/template/evaluator';
import { checkRules } from '../../../domain/template/rules';
import { validateInputs } from '../../../domain/template/validate-inputs';
import { at, compile, monthly, values } from './fixtures';

const RECEIVED = ['Số hồ sơ nhận giải quyết'];
const RESOLVED = ['Số hồ sơ đã giải quyết'];
const PENDING = ['Số hồ sơ đang giải quyết'];
const sectorRows = ['01', '02', '03'];

const bieu06 = compile({
  formNumber: 'Biểu số 06/VPCP/KSTT',
  defaults: { valueType: 'integer', aggregation: 'sum', min: 0 },
  columns: [
    { key: 'received_total', label: 'Tổng số hồ sơ nhận', group: RECEIVED },
    { key: 'received_online', label: 'Trực tuyến', group: [...RECEIVED, 'Trong đó'] },
    { key: 'received_direct', label: 'Trực tiếp và dịch vụ bưu chính', group: [...RECEIVED, 'Trong đó'] },
    { key: 'received_carried', label: 'Từ kỳ trước', group: [...RECEIVED, 'Trong đó'] },
    { key: 'resolved_total', label: 'Tổng số', group: RESOLVED },
    { key: 'resolved_early', label: 'Trước hạn', group: RESOLVED },
    { key: 'resolved_on_time', label: 'Đúng hạn', group: RESOLVED },
    { key: 'resolved_late', label: 'Quá hạn', group: RESOLVED },
    { key: 'pending_total', label: 'Tổng số', group: PENDING },
    { key: 'pending_within', label: 'Trong hạn', group: PENDING },
    { key: 'pending_overdue', label: 'Quá hạn', group: PENDING },
  ],
  rows: [
    { code: 'TC', label: 'Tổng cộng', formula: "sumRows('X', '03')", aggregation: 'formula' },
    { code: 'X', label: 'Cấp xã', header: true },
    { code: '01', label: 'Hộ tịch', indent: 1 },
    { code: '02', label: 'Chứng thực', indent: 1 },
    { code: '03', label: 'Đất đai', indent: 1 },
  ],
  rules: [
    { id: 'received-balance', severity: 'error', type: 'compare', left: "col('received_total')", op: '=', right: "col('received_online') + col('received_direct') + col('received_carried')" },
    { id: 'resolved-balance', severity: 'error', type: 'compare', left: "col('resolved_total')", op: '=', right: "col('resolved_early') + col('resolved_on_time') + col('resolved_late')" },
    { id: 'pending-balance', severity: 'error', type: 'compare', left: "col('pending_total')", op: '=', right: "col('pending_within') + col('pending_overdue')" },
    { id: 'received-equals-resolved-plus-pending', severity: 'error', type: 'compare', left: "col('received_total')", op: '=', right: "col('resolved_total') + col('pending_total')" },
    { id: 'carried-over-matches-previous', severity: 'warning', type: 'compare', rows: sectorRows, left: "col('received_carried')", op: '=', right: "prev(col('pending_total'))" },
  ],
});

/** A sector's row that satisfies every rule: 12 received = 5 + 4 + 3; 8 resolved; 4 pending. */
function balanced(row: string, scale = 1): [string, string, number][] {
  const figures: Record<string, number> = {
    received_total: 12, received_online: 5, received_direct: 4, received_carried: 3,
    resolved_total: 8, resolved_early: 2, resolved_on_time: 5, resolved_late: 1,
    pending_total: 4, pending_within: 3, pending_overdue: 1,
  };
  return Object.entries(figures).map(([col, n]) => [row, col, n * scale]);
}

function report(period: string, data: Record<string, CellValues>) {
  const ctx = monthly(period, data);
  const full = computeReport(bieu06, ctx);
  return { full, issues: checkRules(bieu06, ctx, full) };
}

describe('Biểu 06 end to end', () => {
  it('has input cells in the sector rows and a computed total row', () => {
    expect(bieu06.cell('01', 'received_total')?.kind).toBe('input');
    expect(bieu06.cell('TC', 'pending_overdue')?.kind).toBe('computed');
    expect(bieu06.cell('X', 'received_total')).toBeUndefined();
    expect(bieu06.inputCells).toHaveLength(33);
    expect(bieu06.temporal).toMatchObject({ prev: true, maxPrevDepth: 1, ytd: false });
  });

  it('totals the sectors and finds nothing wrong in a balanced report', () => {
    const data = { '202404': values(...balanced('02', 3)), '202405': values(...balanced('01'), ...balanced('02', 2)) };
    data['202405'].set('02|received_carried', 12);
    data['202405'].set('02|received_online', 4);
    const { full, issues } = report('202405', data);
    expect(at(full, 'TC', 'received_total')).toBe(36);
    expect(at(full, 'TC', 'pending_overdue')).toBe(3);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('names the row, the cells by label and the numbers when received total does not balance', () => {
    const inputs = values(...balanced('01'));
    inputs.set('01|received_carried', 1);
    const { issues } = report('202405', { '202405': inputs });
    expect(issues).toContainEqual({
      row: '01',
      col: 'received_total',
      code: 'received-balance',
      severity: 'error',
      message: 'Dòng "Hộ tịch": Tổng số hồ sơ nhận (12) phải bằng Trực tuyến + Trực tiếp và dịch vụ bưu chính + Từ kỳ trước (10).',
    });
  });

  it('tells the two "Tổng số" columns apart by their header group', () => {
    const inputs = values(...balanced('01'));
    inputs.set('01|pending_total', 5);
    const { issues } = report('202405', { '202405': inputs });
    const messages = issues.map((i) => i.message);
    expect(messages).toContain('Dòng "Hộ tịch": Tổng số (Số hồ sơ đang giải quyết) (5) phải bằng Trong hạn + Quá hạn (Số hồ sơ đang giải quyết) (4).');
    expect(messages).toContain(
      'Dòng "Hộ tịch": Tổng số hồ sơ nhận (12) phải bằng Tổng số (Số hồ sơ đã giải quyết) + Tổng số (Số hồ sơ đang giải quyết) (13).',
    );
  });

  it('catches a total with empty parts, since an empty side counts as 0 once the other is filled', () => {
    const { issues } = report('202405', { '202405': values(['03', 'received_total', 10]) });
    expect(issues).toContainEqual(
      expect.objectContaining({ row: '03', code: 'received-balance', message: 'Dòng "Đất đai": Tổng số hồ sơ nhận (10) phải bằng Trực tuyến + Trực tiếp và dịch vụ bưu chính + Từ kỳ trước (trống).' }),
    );
  });

  it('checks nothing in a row left empty', () => {
    const { issues } = report('202405', { '202405': values(...balanced('01')) });
    expect(issues.filter((i) => i.row === '02' || i.row === '03')).toEqual([]);
  });

  it('warns when "Từ kỳ trước" differs from the previous period\'s pending total', () => {
    const { issues } = report('202405', { '202404': values(...balanced('01', 2)), '202405': values(...balanced('01')) });
    expect(issues).toEqual([
      {
        row: '01',
        col: 'received_carried',
        code: 'carried-over-matches-previous',
        severity: 'warning',
        message: 'Dòng "Hộ tịch": Từ kỳ trước (3) phải bằng Tổng số (Số hồ sơ đang giải quyết) kỳ trước (8).',
      },
    ]);
  });

  it('refuses input into the total row and negative counts', () => {
    const issues = validateInputs(bieu06, [
      { row: 'TC', col: 'received_total', value: 5 },
      { row: '01', col: 'received_online', value: -1 },
      { row: '01', col: 'received_direct', value: 2 },
    ]);
    expect(issues.map((i) => i.code)).toEqual(['computed-cell', 'below-min']);
  });

  it('rolls communes up into a province report whose totals still balance', () => {
    const communes = [values(...balanced('01'), ...balanced('02', 2)), values(...balanced('01', 3))];
    const inputs = aggregateInputs(bieu06, communes);
    const { full, issues } = report('202405', { '202405': inputs });
    expect(at(full, '01', 'received_total')).toBe(48);
    expect(at(full, 'TC', 'received_total')).toBe(72);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
