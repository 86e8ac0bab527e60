// Multi-level approval with agencies: a commune's report routed by its template to the provincial
// inspectorate, returned with a reason, corrected, resubmitted, seen cell by cell, approved; the
// province's own report compiled by the inspectorate and approved by the province's head, which locks
// everything below; reopen while the level above has not approved; bulk approval; comments.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApproveAllResult, CellChange, CommentOut, Report } from '../../../schema/api';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'tiep-cong-dan-xa';
const P = '2026Q2';
const url = (unit: string, tail = '') => `/api/reports/${T}/${P}/${unit}${tail}`;

let t: TestApp;
let as: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({ now: new Date('2026-06-16T03:00:00Z') });
  as = {};
  for (const u of ['canbo-05977', 'canbo-05983', 'lanhdao-20-ttr', 'canbo-20-ttr', 'lanhdao-20', 'xem-20', 'lanhdao-20-nv']) as[u] = await t.login(u);
});
afterEach(() => t.close());

const visits = (n: number, crowd = 0) => [
  { row: '1', col: 'ky_nay', value: n },
  { row: '1.1', col: 'ky_nay', value: crowd },
];

async function call(user: string, path: string, init: { method?: string; json?: unknown } = {}) {
  return t.request(path, { method: init.method ?? 'GET', cookie: as[user], ...(init.json !== undefined ? { json: init.json } : {}) });
}
async function report(user: string, unit: string): Promise<Report> {
  const res = await call(user, url(unit));
  expect(res.status).toBe(200);
  return res.json();
}
async function fill(user: string, unit: string, values: { row: string; col: string; value: number }[]) {
  const r = await report(user, unit);
  const res = await call(user, url(unit, '/values'), { method: 'PUT', json: { revision: r.revision, values } });
  expect(res.status, await res.clone().text()).toBe(200);
}
const act = (user: string, unit: string, action: 'submit' | 'approve' | 'return', reason?: string) =>
  call(user, url(unit, `/${action}`), { method: 'POST', ...(reason ? { json: { reason } } : {}) });

describe('a report routed to an agency', () => {
  it('goes to the inspectorate, comes back with a reason, is corrected, and its head sees what changed', async () => {
    await fill('canbo-05977', '05977', visits(12, 2));
    expect((await act('canbo-05977', '05977', 'submit')).status).toBe(200);
    // The province's head follows it but the template routes the decision to Thanh tra tỉnh.
    expect((await report('lanhdao-20', '05977')).can).toMatchObject({ approve: false, return: false });
    expect((await act('lanhdao-20', '05977', 'approve')).status).toBe(403);
    expect((await report('lanhdao-20-ttr', '05977')).can).toMatchObject({ approve: true, return: true });

    const reason = 'Số lượt tiếp đoàn đông người chưa khớp sổ tiếp công dân.';
    expect((await act('lanhdao-20-ttr', '05977', 'return', reason)).status).toBe(200);
    const back = await report('canbo-05977', '05977');
    expect(back).toMatchObject({ status: 'returned', returnReason: reason, can: { edit: true } });

    await fill('canbo-05977', '05977', visits(12, 3));
    expect((await act('canbo-05977', '05977', 'submit')).status).toBe(200);
    const changes: CellChange[] = await (await call('lanhdao-20-ttr', url('05977', '/changes'))).json();
    expect(changes).toEqual([{ row: '1.1', col: 'ky_nay', oldValue: 2, newValue: 3 }]);
    expect((await act('lanhdao-20-ttr', '05977', 'approve')).status).toBe(200);
  });

  it("the inspectorate compiles the province's report; the province's head approves it and everything below locks", async () => {
    await fill('canbo-05977', '05977', visits(12));
    await act('canbo-05977', '05977', 'submit');
    await act('lanhdao-20-ttr', '05977', 'approve');
    // Compiled by the inspectorate's officer, not by anyone of another sở.
    expect((await call('lanhdao-20-nv', url('20'))).status).toBe(403);
    await fill('canbo-20-ttr', '20', visits(40));
    expect((await act('canbo-20-ttr', '20', 'submit')).status).toBe(200);
    expect((await act('lanhdao-20-ttr', '20', 'approve')).status).toBe(403);
    expect((await act('lanhdao-20', '20', 'approve')).status).toBe(200);

    const locked = await report('lanhdao-20-ttr', '05977');
    expect(locked.lockedBy).toMatchObject({ code: '20' });
    expect(locked.can).toMatchObject({ return: false, approve: false });
    const reopen = await act('lanhdao-20-ttr', '05977', 'return', 'Mở lại để sửa.');
    expect(reopen.status).toBe(409);
    expect((await reopen.json()).error.code).toBe('locked');
    // A commune that had not sent its report cannot slip it in under an approved province.
    const late = await call('canbo-05983', url('05983', '/values'), { method: 'PUT', json: { revision: 0, values: visits(1) } });
    expect(late.status).toBe(409);
    expect((await report('canbo-05977', '05977')).status).toBe('approved');
  });

  it('reopens an approved report with a reason while the province has not approved, and the audit trail says so', async () => {
    await fill('canbo-05977', '05977', visits(12));
    await act('canbo-05977', '05977', 'submit');
    await act('lanhdao-20-ttr', '05977', 'approve');
    const res = await act('lanhdao-20-ttr', '05977', 'return', 'Cần bổ sung số liệu tháng 6.');
    expect(res.status).toBe(200);
    const history = await (await call('canbo-05977', url('05977', '/history'))).json();
    expect(history.at(-1)).toMatchObject({ action: 'reopen', username: 'lanhdao-20-ttr', reason: 'Cần bổ sung số liệu tháng 6.' });
    expect((await report('canbo-05977', '05977')).returnReason).toBe('Cần bổ sung số liệu tháng 6.');
  });
});

describe('bulk approval', () => {
  it('approves every submitted report that passes its rules and says which it skipped and why', async () => {
    await fill('canbo-05977', '05977', visits(12, 2));
    await act('canbo-05977', '05977', 'submit');
    await fill('canbo-05983', '05983', visits(5));
    await act('canbo-05983', '05983', 'submit');
    // A submitted report that a rule now refuses (written past the checks, as an old version might have).
    const broken = await report('canbo-05983', '05983');
    await t.deps.store.client.execute({
      sql: "update cell_values set num_value = 9 where row_code = '1.1' and report_id = (select id from reports where unit_id = (select id from units where code = '05983' and valid_to is null) and period_id = ?)",
      args: [P],
    });
    expect(broken.status).toBe('submitted');
    const res = await call('lanhdao-20-ttr', `/api/reports/${T}/${P}/approve-all?under=20`, { method: 'POST' });
    expect(res.status).toBe(200);
    const result: ApproveAllResult = await res.json();
    expect(result.approved).toEqual(['05977']);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toMatchObject({ unitCode: '05983' });
    expect(result.skipped[0]!.reason).toMatch(/lỗi/);
    expect((await report('lanhdao-20-ttr', '05983')).status).toBe('submitted');
    // The province's head may read the units below but decides none of them here.
    const theirs: ApproveAllResult = await (await call('lanhdao-20', `/api/reports/${T}/${P}/approve-all?under=20`, { method: 'POST' })).json();
    expect(theirs).toEqual({ approved: [], skipped: [] });
  });
});

describe('comments', () => {
  it('on the report and on a cell, with author and time, in the audit trail; a viewer may read but not write', async () => {
    const cell = await call('lanhdao-20-ttr', url('05977', '/comments'), { method: 'POST', json: { row: '1.1', col: 'ky_nay', text: 'Đoàn đông người ngày 12/5 chưa ghi?' } });
    expect(cell.status).toBe(201);
    const whole = await call('canbo-05977', url('05977', '/comments'), { method: 'POST', json: { text: 'Đã bổ sung theo sổ.' } });
    expect(whole.status).toBe(201);
    const list: CommentOut[] = await (await call('xem-20', url('05977', '/comments'))).json();
    expect(list.map((c) => [c.username, c.row ?? null, c.text])).toEqual([
      ['lanhdao-20-ttr', '1.1', 'Đoàn đông người ngày 12/5 chưa ghi?'],
      ['canbo-05977', null, 'Đã bổ sung theo sổ.'],
    ]);
    expect(list[0]!.at).toBe('2026-06-16T03:00:00.000Z');
    expect((await call('xem-20', url('05977', '/comments'), { method: 'POST', json: { text: 'Xem thôi' } })).status).toBe(403);
    expect((await call('canbo-05977', url('05977', '/comments'), { method: 'POST', json: { row: '99', col: 'ky_nay', text: 'x' } })).status).toBe(400);
    const history = await (await call('canbo-05977', url('05977', '/history'))).json();
    expect(history.filter((h: { action: string }) => h.action === 'comment')).toHaveLength(2);
  });
});

describe('users and roles (admin)', () => {
  it('creates a user with a role on a unit version resolved by date, and the role follows the identity', async () => {
    const admin = await t.login('admin');
    const created = await t.request('/api/users', {
      method: 'POST',
      cookie: admin,
      json: { username: 'canbo-vinhtrai', name: 'Cán bộ Vĩnh Trại', password: 'mat-khau-dai-du', roles: [{ role: 'officer', unitCode: '05977', from: '2024-01-01' }] },
    });
    expect(created.status).toBe(201);
    const user = await created.json();
    expect(user.roles[0]).toMatchObject({ role: 'officer', unitCode: '05977', unit: { name: 'Phường Vĩnh Trại', validTo: '2025-06-30' }, to: '2025-06-30' });
    expect(JSON.stringify(user)).not.toContain('password');
    // Today (2026) that role has ended with its unit: it reaches nothing, Đông Kinh least of all.
    const cookie = await t.login('canbo-vinhtrai', 'mat-khau-dai-du');
    expect((await t.request(url('05977'), { cookie })).status).toBe(403);
  });

  it('refuses a weak password, an unknown unit, and a taken username, changing nothing', async () => {
    const admin = await t.login('admin');
    const post = (json: unknown) => t.request('/api/users', { method: 'POST', cookie: admin, json });
    expect((await post({ username: 'moi', name: 'Mới', password: 'ngan', roles: [] })).status).toBe(400);
    expect((await post({ username: 'moi', name: 'Mới', password: 'du-dai-roi', roles: [{ role: 'officer', unitCode: '99999' }] })).status).toBe(400);
    expect((await post({ username: 'admin', name: 'Trùng', password: 'du-dai-roi', roles: [] })).status).toBe(409);
    const all: { username: string }[] = await (await t.request('/api/users', { cookie: admin })).json();
    expect(all.map((u) => u.username)).not.toContain('moi');
  });

  it('deactivating a user ends their sessions; a user changes their own password', async () => {
    const admin = await t.login('admin');
    const officer = as['canbo-05983']!;
    expect((await t.request('/api/users/canbo-05983', { method: 'PATCH', cookie: admin, json: { active: false } })).status).toBe(200);
    expect((await t.request('/api/me', { cookie: officer })).status).toBe(401);

    const me = as['canbo-05977']!;
    expect((await t.request('/api/me/password', { method: 'POST', cookie: me, json: { current: 'sai', next: 'mat-khau-moi-hon' } })).status).toBe(403);
    expect((await t.request('/api/me/password', { method: 'POST', cookie: me, json: { current: 'mat-khau-thu', next: 'mat-khau-moi-hon' } })).status).toBe(200);
    await expect(t.login('canbo-05977')).rejects.toThrow();
    expect(await t.login('canbo-05977', 'mat-khau-moi-hon')).toBeTruthy();
  });
});
