import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report, ReportListItem, SaveResult, WorkflowResult } from '../../../schema/api';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const T = 'bieu-06-vpcp-kstt';
const P = '2025Q1';
const URL = (unit: string, tail = '') => `/api/reports/${T}/${P}/${unit}${tail}`;

/** One consistent row of Biểu 06: received 10 = 6 online + 4 direct + 0 carried = 7 resolved + 3 pending. */
const HO_TICH = [
  ['nhan_tong', 10],
  ['nhan_truc_tuyen', 6],
  ['nhan_truc_tiep', 4],
  ['nhan_ky_truoc', 0],
  ['da_gq_tong', 7],
  ['da_gq_truoc_han', 4],
  ['da_gq_dung_han', 3],
  ['da_gq_qua_han', 0],
  ['dang_gq_tong', 3],
  ['dang_gq_trong_han', 3],
  ['dang_gq_qua_han', 0],
] as const;
/** The narrative section the template requires before submitting. */
const GENERAL = { key: 'danh_gia_chung', text: 'Tình hình giải quyết TTHC trong kỳ ổn định.' };
const row = (code: string, scale = 1) => HO_TICH.map(([col, value]) => ({ row: code, col, value: value * scale }));

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function getReport(cookie: string, unit = '05971'): Promise<Report> {
  const res = await t.request(URL(unit), { cookie });
  expect(res.status).toBe(200);
  return res.json();
}

async function put(cookie: string, body: unknown, unit = '05971') {
  return t.request(URL(unit, '/values'), { method: 'PUT', cookie, json: body });
}

const valueOf = (report: Report, r: string, c: string) => report.values.find((v) => v.row === r && v.col === c)?.value;

describe('GET /api/reports/:template/:period/:unit', () => {
  it('gives an empty draft at revision 0 with the period window, deadline and what the officer may do', async () => {
    const cookie = await t.login('canbo-05971');
    const report = await getReport(cookie);
    expect(report).toMatchObject({
      template: T,
      templateVersion: 1,
      period: P,
      periodStart: '2024-12-15',
      periodEnd: '2025-03-14',
      unit: { code: '05971', name: 'Phường Hoàng Văn Thụ', level: 'commune' },
      status: 'draft',
      revision: 0,
      values: [],
      can: { edit: true, submit: true, approve: false, return: false },
    });
    // Two working days after the cutoff on Friday 14/03/2025.
    expect(report.deadline).toBe('2025-03-18');
  });

  it('answers 404 for an unknown template, a malformed period and a code no unit held at the period', async () => {
    const cookie = await t.login('admin');
    for (const [path, code] of [
      [`/api/reports/khong-co/${P}/05971`, 'unknown-template'],
      [`/api/reports/${T}/2025Q5/05971`, 'unknown-period'],
      [`/api/reports/${T}/202501/05971`, 'unknown-period'],
      [`/api/reports/${T}/${P}/05983`, 'unknown-unit'],
    ] as const) {
      const res = await t.request(path, { cookie });
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe(code);
    }
  });

  it('answers 403 to an officer of another commune and to the head of another district', async () => {
    for (const user of ['canbo-05974', 'lanhdao-180']) {
      const res = await t.request(URL('05971'), { cookie: await t.login(user) });
      expect(res.status, user).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
  });

  it('answers 401 without a session', async () => {
    expect((await t.request(URL('05971'))).status).toBe(401);
  });
});

describe('PUT /api/reports/:template/:period/:unit/values', () => {
  it('saves cells, returns the next revision, computes the total row, and records each change', async () => {
    const cookie = await t.login('canbo-05971');
    const res = await put(cookie, { revision: 0, values: [...row('01'), ...row('02', 2)] });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as SaveResult;
    expect(saved).toEqual({ revision: 1, issues: [] });
    const report = await getReport(cookie);
    expect(report.revision).toBe(1);
    expect(valueOf(report, '01', 'nhan_tong')).toBe(10);
    expect(valueOf(report, 'TC', 'nhan_tong')).toBe(30);
    const history = await (await t.request(URL('05971', '/history'), { cookie })).json();
    expect(history.filter((e: { action: string }) => e.action === 'set-value')).toHaveLength(22);
    expect(history[0]).toMatchObject({ action: 'create', username: 'canbo-05971' });
  });

  it('clears a cell with null and keeps the old value in the audit trail', async () => {
    const cookie = await t.login('canbo-05971');
    await put(cookie, { revision: 0, values: row('01') });
    const res = await put(cookie, { revision: 1, values: [{ row: '01', col: 'nhan_tong', value: null }] });
    expect((await res.json()).revision).toBe(2);
    expect(valueOf(await getReport(cookie), '01', 'nhan_tong')).toBeUndefined();
    const history = await (await t.request(URL('05971', '/history'), { cookie })).json();
    expect(history.at(-1)).toMatchObject({ row: '01', col: 'nhan_tong', oldValue: 10, action: 'set-value' });
    expect(history.at(-1).newValue).toBeUndefined();
  });

  it('answers rule results with a save whose totals disagree, without refusing the draft', async () => {
    const cookie = await t.login('canbo-05971');
    const res = await put(cookie, { revision: 0, values: [{ row: '01', col: 'nhan_tong', value: 10 }] });
    expect(res.status).toBe(200);
    const { issues } = (await res.json()) as SaveResult;
    expect(issues.map((i) => i.code)).toContain('received-balance');
    expect(issues.find((i) => i.code === 'received-balance')).toMatchObject({ row: '01', col: 'nhan_tong', severity: 'error' });
  });

  it('answers 409 stale-revision for an old revision and saves nothing', async () => {
    const cookie = await t.login('canbo-05971');
    await put(cookie, { revision: 0, values: row('01') });
    const res = await put(cookie, { revision: 0, values: [{ row: '01', col: 'nhan_tong', value: 99 }] });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('stale-revision');
    const report = await getReport(cookie);
    expect(report.revision).toBe(1);
    expect(valueOf(report, '01', 'nhan_tong')).toBe(10);
  });

  it('lets exactly one of two concurrent saves on the same revision win', async () => {
    const cookie = await t.login('canbo-05971');
    const [a, b] = await Promise.all([
      put(cookie, { revision: 0, values: [{ row: '01', col: 'nhan_tong', value: 1 }] }),
      put(cookie, { revision: 0, values: [{ row: '01', col: 'nhan_tong', value: 2 }] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const report = await getReport(cookie);
    expect(report.revision).toBe(1);
    expect(valueOf(report, '01', 'nhan_tong')).toBe(a.status === 200 ? 1 : 2);
  });

  it.each([
    ['no revision', { values: [] }],
    ['a negative revision', { revision: -1, values: [] }],
    ['values that are not a list', { revision: 0, values: { row: '01' } }],
    ['a cell without a column', { revision: 0, values: [{ row: '01', value: 1 }] }],
    ['a boolean value', { revision: 0, values: [{ row: '01', col: 'nhan_tong', value: true }] }],
  ])('answers 400 invalid-body for %s and saves nothing', async (_name, body) => {
    const cookie = await t.login('canbo-05971');
    const res = await put(cookie, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid-body');
    expect((await getReport(cookie)).revision).toBe(0);
  });

  it.each([
    ['an unknown row', { row: '99', col: 'nhan_tong', value: 1 }, 'unknown-cell'],
    ['an unknown column', { row: '01', col: 'tong', value: 1 }, 'unknown-cell'],
    ['a computed cell', { row: 'TC', col: 'nhan_tong', value: 1 }, 'computed-cell'],
    ['text in a number cell', { row: '01', col: 'nhan_tong', value: 'mười' }, 'not-a-number'],
    ['a fraction of a dossier', { row: '01', col: 'nhan_tong', value: 1.5 }, 'not-an-integer'],
    ['a negative count', { row: '01', col: 'nhan_tong', value: -3 }, 'below-min'],
  ])('answers 422 for %s, names the cell, and saves none of the batch', async (_name, bad, code) => {
    const cookie = await t.login('canbo-05971');
    const res = await put(cookie, { revision: 0, values: [{ row: '02', col: 'nhan_tong', value: 5 }, bad] });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid-values');
    expect(body.error.issues).toEqual([expect.objectContaining({ row: bad.row, col: bad.col, code })]);
    expect((await getReport(cookie)).values).toEqual([]);
  });

  it('names the refused cell by its label in the message of the 422 itself', async () => {
    const cookie = await t.login('canbo-05971');
    const res = await put(cookie, { revision: 0, values: [{ row: '01', col: 'nhan_tong', value: -3 }] });
    const body = await res.json();
    expect(body.error.message).toContain('Hộ tịch');
    expect(body.error.message).toContain('Tổng số');
    expect(body.error.message).toContain('không được nhỏ hơn 0');
  });

  describe('with "partial": true (save what is valid, list what is not)', () => {
    it('saves the valid cells and sections, answers 200 with the new revision and each refused cell by its label', async () => {
      const cookie = await t.login('canbo-05971');
      const res = await put(cookie, {
        revision: 0,
        partial: true,
        values: [{ row: '02', col: 'nhan_tong', value: 5 }, { row: '01', col: 'nhan_tong', value: -3 }, { row: '01', col: 'nhan_truc_tuyen', value: 'sáu' }],
        sections: [GENERAL],
      });
      expect(res.status).toBe(200);
      const saved = (await res.json()) as SaveResult;
      expect(saved.revision).toBe(1);
      expect(saved.rejected).toEqual([
        expect.objectContaining({ row: '01', col: 'nhan_tong', code: 'below-min', message: expect.stringContaining('Hộ tịch') }),
        expect.objectContaining({ row: '01', col: 'nhan_truc_tuyen', code: 'not-a-number', message: expect.stringContaining('Trực tuyến') }),
      ]);
      const report = await getReport(cookie);
      expect(valueOf(report, '02', 'nhan_tong')).toBe(5);
      expect(valueOf(report, '01', 'nhan_tong')).toBeUndefined();
      expect(report.sections).toEqual([GENERAL]);
      // The rule results are those of what was stored, not of the refused values.
      expect(saved.issues.some((i) => i.row === '01' && i.code === 'below-min')).toBe(false);
    });

    it('answers 422 and saves nothing when nothing valid was sent', async () => {
      const cookie = await t.login('canbo-05971');
      const res = await put(cookie, { revision: 0, partial: true, values: [{ row: '01', col: 'nhan_tong', value: -3 }] });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toMatchObject({ code: 'invalid-values', issues: [expect.objectContaining({ row: '01', col: 'nhan_tong', code: 'below-min' })] });
      expect((await getReport(cookie)).revision).toBe(0);
    });

    it('still answers 409 stale-revision for an old revision, with nothing saved', async () => {
      const cookie = await t.login('canbo-05971');
      await put(cookie, { revision: 0, values: row('01') });
      const res = await put(cookie, { revision: 0, partial: true, values: [{ row: '02', col: 'nhan_tong', value: 5 }, { row: '03', col: 'nhan_tong', value: -1 }] });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('stale-revision');
      const report = await getReport(cookie);
      expect(report.revision).toBe(1);
      expect(valueOf(report, '02', 'nhan_tong')).toBeUndefined();
    });

    it('answers without "rejected" when every cell was valid, as a plain save does', async () => {
      const cookie = await t.login('canbo-05971');
      const res = await put(cookie, { revision: 0, partial: true, values: row('01') });
      expect(await res.json()).toEqual({ revision: 1, issues: [] });
    });
  });

  it('answers 403 to the head of the district writing a commune report, and saves nothing', async () => {
    const res = await put(await t.login('lanhdao-178'), { revision: 0, values: row('01') });
    expect(res.status).toBe(403);
    expect((await getReport(await t.login('canbo-05971'))).revision).toBe(0);
  });

  it('answers 403 to an officer writing another commune and 401 without a session', async () => {
    expect((await put(await t.login('canbo-05974'), { revision: 0, values: row('01') })).status).toBe(403);
    expect((await t.request(URL('05971', '/values'), { method: 'PUT', json: { revision: 0, values: [] } })).status).toBe(401);
  });
});

describe('the workflow: submit, approve, return', () => {
  it('submits a consistent report, then refuses edits with 409 until it is returned', async () => {
    const officer = await t.login('canbo-05971');
    await put(officer, { revision: 0, values: row('01'), sections: [GENERAL] });
    const res = await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'submitted', revision: 2 });
    const edit = await put(officer, { revision: 2, values: [{ row: '01', col: 'nhan_tong', value: 11 }] });
    expect(edit.status).toBe(409);
    expect((await edit.json()).error.code).toBe('wrong-state');
    expect((await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer })).status).toBe(409);
  });

  it('submits a report with no figure at all, as api.md allows, but warns that it is empty', async () => {
    const officer = await t.login('canbo-05971');
    const res = await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer });
    expect(res.status).toBe(200);
    const body = (await res.json()) as WorkflowResult;
    expect(body.status).toBe('submitted');
    expect(body.warnings).toEqual([expect.objectContaining({ code: 'empty-report', message: expect.stringContaining('chưa có số liệu') })]);
  });

  it('does not warn when the report has figures', async () => {
    const officer = await t.login('canbo-05971');
    await put(officer, { revision: 0, values: row('01'), sections: [GENERAL] });
    const body = (await (await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer })).json()) as WorkflowResult;
    expect(body.warnings ?? []).toEqual([]);
  });

  it('refuses to submit a report whose totals disagree with 422 listing each offending cell', async () => {
    const officer = await t.login('canbo-05971');
    await put(officer, { revision: 0, values: [...row('01'), { row: '02', col: 'da_gq_tong', value: 4 }], sections: [GENERAL] });
    const res = await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('rule-violations');
    expect(body.error.issues).toContainEqual(expect.objectContaining({ row: '02', code: 'resolved-balance' }));
    expect((await getReport(officer)).status).toBe('draft');
  });

  it('requires an explanation for a warning, then submits with it', async () => {
    const officer = await t.login('canbo-05971');
    // Last quarter ended with 3 Hộ tịch dossiers pending; this quarter carries none over.
    await t.request(`/api/reports/${T}/2024Q4/05971/values`, { method: 'PUT', cookie: officer, json: { revision: 0, values: row('01') } });
    await put(officer, { revision: 0, values: row('01') });
    const refused = await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer });
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.error.code).toBe('explanation-required');
    const issue = body.error.issues.find((i: { code: string }) => i.code === 'carried-over-matches-previous');
    expect(issue).toMatchObject({ severity: 'warning', row: '01', col: 'nhan_ky_truoc' });
    expect(issue.message).toContain('3');
    await put(officer, {
      revision: 1,
      values: [],
      explanations: [{ rule: issue.code, row: issue.row, col: issue.col, text: 'Ba hồ sơ kỳ trước đã được công dân rút.' }],
    });
    expect((await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer })).status).toBe(200);
  });

  it('lets only the head of the parent district approve, and not twice', async () => {
    const officer = await t.login('canbo-05971');
    await put(officer, { revision: 0, values: row('01'), sections: [GENERAL] });
    const approveUrl = URL('05971', '/approve');
    expect((await t.request(approveUrl, { method: 'POST', cookie: await t.login('lanhdao-178') })).status).toBe(409);
    await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer });
    for (const user of ['canbo-05971', 'lanhdao-180', 'lanhdao-20']) {
      expect((await t.request(approveUrl, { method: 'POST', cookie: await t.login(user) })).status, user).toBe(403);
    }
    const head = await t.login('lanhdao-178');
    const res = await t.request(approveUrl, { method: 'POST', cookie: head });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('approved');
    expect((await t.request(approveUrl, { method: 'POST', cookie: head })).status).toBe(409);
  });

  it('lets the province head approve a district report and its own province report', async () => {
    const district = await t.login('lanhdao-178');
    await put(district, { revision: 0, values: row('01'), sections: [GENERAL] }, '178');
    await t.request(URL('178', '/submit'), { method: 'POST', cookie: district });
    const province = await t.login('lanhdao-20');
    expect((await t.request(URL('178', '/approve'), { method: 'POST', cookie: province })).status).toBe(200);
    await put(province, { revision: 0, values: row('01'), sections: [GENERAL] }, '20');
    await t.request(URL('20', '/submit'), { method: 'POST', cookie: province });
    expect((await t.request(URL('20', '/approve'), { method: 'POST', cookie: province })).status).toBe(200);
  });

  it('returns an approved report with its reason, which the officer sees, and can fix and resubmit', async () => {
    const officer = await t.login('canbo-05971');
    const head = await t.login('lanhdao-178');
    await put(officer, { revision: 0, values: row('01'), sections: [GENERAL] });
    await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer });
    await t.request(URL('05971', '/approve'), { method: 'POST', cookie: head });
    const res = await t.request(URL('05971', '/return'), {
      method: 'POST',
      cookie: head,
      json: { reason: 'Số liệu lĩnh vực hộ tịch chưa khớp sổ theo dõi.' },
    });
    expect(res.status).toBe(200);
    const report = await getReport(officer);
    expect(report).toMatchObject({ status: 'returned', returnReason: 'Số liệu lĩnh vực hộ tịch chưa khớp sổ theo dõi.' });
    expect(report.can.edit).toBe(true);
    const history = await (await t.request(URL('05971', '/history'), { cookie: head })).json();
    expect(history.at(-1)).toMatchObject({ action: 'reopen', reason: 'Số liệu lĩnh vực hộ tịch chưa khớp sổ theo dõi.' });
    await put(officer, { revision: report.revision, values: row('01', 2) });
    expect((await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer })).status).toBe(200);
  });

  it.each([
    ['no reason', {}],
    ['a blank reason', { reason: '   ' }],
  ])('answers 400 to a return with %s and leaves the status', async (_name, body) => {
    const officer = await t.login('canbo-05971');
    await put(officer, { revision: 0, values: row('01'), sections: [GENERAL] });
    await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer });
    const res = await t.request(URL('05971', '/return'), { method: 'POST', cookie: await t.login('lanhdao-178'), json: body });
    expect(res.status).toBe(400);
    expect((await getReport(officer)).status).toBe('submitted');
  });

  it('answers 401 to every workflow action without a session', async () => {
    for (const action of ['submit', 'approve', 'return']) {
      expect((await t.request(URL('05971', `/${action}`), { method: 'POST', json: { reason: 'x' } })).status).toBe(401);
    }
  });
});

describe('GET /api/reports?template&period', () => {
  it('lists the reports a head may see, with status, deadline and lateness', async () => {
    const officer = await t.login('canbo-05971');
    await put(officer, { revision: 0, values: row('01'), sections: [GENERAL] });
    await t.request(URL('05971', '/submit'), { method: 'POST', cookie: officer });
    const res = await t.request(`/api/reports?template=${T}&period=${P}`, { cookie: await t.login('lanhdao-178') });
    const list = (await res.json()) as ReportListItem[];
    expect(list.map((r) => r.unitCode).sort()).toEqual(['05971', '05974', '05977', '05980', '178']);
    const submitted = list.find((r) => r.unitCode === '05971')!;
    expect(submitted).toMatchObject({ status: 'submitted', revision: 2, deadline: '2025-03-18' });
    // Submitted on 20/04/2025 (the test clock), after the deadline of 18/03/2025.
    expect(submitted.isLate).toBe(true);
    expect(list.find((r) => r.unitCode === '05974')).toMatchObject({ status: 'draft', revision: 0, isLate: true });
  });

  it('lists only its own unit to an officer', async () => {
    const res = await t.request(`/api/reports?template=${T}&period=${P}`, { cookie: await t.login('canbo-05974') });
    expect(((await res.json()) as ReportListItem[]).map((r) => r.unitCode)).toEqual(['05974']);
  });

  it('answers 400 without a period, 404 for an unknown template, 401 without a session', async () => {
    const cookie = await t.login('admin');
    expect((await t.request(`/api/reports?template=${T}`, { cookie })).status).toBe(400);
    expect((await t.request(`/api/reports?template=x&period=${P}`, { cookie })).status).toBe(404);
    expect((await t.request(`/api/reports?template=${T}&period=${P}`)).status).toBe(401);
  });
});
