// The demo a newcomer meets: seeded through the real services at plausible times, so that the users the
// login page names see every state (draft, submitted, approved, returned, late, on time, missing), and so
// that the places that count the units that must report all say the same number.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregate, ReportListItem, Session, WorklistItem } from '../../../schema/api';
import { seedDemoReports } from '../../../server/seed/demo-reports';
import { createTestApp, type TestApp } from '../../helpers/test-app';

// 27/11/2026, 10:00 in Hà Nội: Tháng 11/2026 (15/10–14/11) was due on Monday 16/11; Tháng 12 is open.
const NOW = new Date('2026-11-27T03:00:00Z');
const KTXH = 'kinh-te-xa-hoi-xa';
const CQS = 'chinh-quyen-so';
const STATES = ['draft', 'submitted', 'approved', 'returned', 'late', 'on-time', 'missing'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  await seedDemoReports(t.deps);
}, 120_000);
afterAll(() => t.close());

/** One session per user: a login hashes the password, which is slow on purpose. */
const cookies = new Map<string, Promise<string>>();
const cookieOf = (username: string) => {
  if (!cookies.has(username)) cookies.set(username, t.login(username));
  return cookies.get(username)!;
};

async function get<T>(path: string, username: string): Promise<T> {
  const res = await t.request(path, { cookie: await cookieOf(username) });
  expect(res.status, path).toBe(200);
  return res.json() as Promise<T>;
}

const reportsOf = (template: string, period: string, username = 'lanhdao-20') =>
  get<ReportListItem[]>(`/api/reports?template=${template}&period=${period}`, username);

/** The states a line of a list shows, as a user reads them: its status, and whether it went in on time, late or not at all. */
function statesOf(item: Pick<ReportListItem, 'status' | 'isLate'>): string[] {
  const sent = item.status === 'submitted' || item.status === 'approved';
  return [item.status, ...(sent ? [item.isLate ? 'late' : 'on-time'] : item.isLate ? ['missing'] : [])];
}

describe('the demo seed', () => {
  it('gives the last month that is due one commune in each state: on time, late, waiting, returned, missing', async () => {
    const list = await reportsOf(KTXH, '202611');
    const seen = Object.fromEntries(list.map((r) => [r.unitCode, [r.status, r.isLate ? 'late' : 'on time', r.submittedAt ? 'sent' : 'not sent']]));
    expect(seen).toEqual({
      '05977': ['approved', 'on time', 'sent'],
      '05983': ['approved', 'late', 'sent'],
      '05986': ['submitted', 'on time', 'sent'],
      '06187': ['returned', 'late', 'sent'],
      '06001': ['draft', 'late', 'not sent'],
    });
  });

  it('sends most earlier months on time and a few late, never all late', async () => {
    let onTime = 0;
    let late = 0;
    for (const period of ['202511', '202512', '202601', '202602', '202603', '202604', '202605', '202606', '202607', '202608', '202609', '202610']) {
      for (const r of await reportsOf(KTXH, period)) {
        expect(r.status, `${r.unitCode} ${period}`).toBe('approved');
        if (r.isLate) late++;
        else onTime++;
      }
    }
    expect(late).toBeGreaterThan(0);
    expect(onTime).toBeGreaterThan(3 * late);
  });

  it('has drafts under way in the month still open, not late', async () => {
    const drafts = (await reportsOf(KTXH, '202612')).filter((r) => r.status === 'draft' && r.revision > 0);
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((r) => !r.isLate)).toBe(true);
  });

  it('dates every action of the seed at or before the clock, after the period it reports on has ended', async () => {
    const rows = await t.deps.store.client.execute(
      `select r.period_id as period, a.at as at, a.action as action from audit_entries a join reports r on r.id = a.report_id where r.template_id = '${KTXH}'`,
    );
    for (const row of rows.rows) {
      expect(String(row.at) <= NOW.toISOString(), `${row.action} ${row.period} at ${row.at}`).toBe(true);
    }
    const submits = rows.rows.filter((r) => r.action === 'submit').map((r) => String(r.at));
    expect(new Set(submits).size).toBeGreaterThan(10);
  });
});

describe('the demo users the login page names', () => {
  it('cover every state between them, and each sees the states it is named for', async () => {
    const res = await t.request('/api/session');
    expect(res.status).toBe(200);
    const session = (await res.json()) as Session;
    expect(session.signedIn).toBe(false);
    const users = session.demo!.users;
    expect(new Set(users.flatMap((u) => u.states))).toEqual(new Set(STATES));
    for (const user of users) {
      const worklist = await get<WorklistItem[]>('/api/worklist', user.username);
      const seen = new Set(worklist.filter((i) => i.isReporter).flatMap(statesOf));
      if (user.role === 'head') {
        for (const item of worklist) for (const r of await reportsOf(item.template.id, item.period.id, user.username)) statesOf(r).forEach((s) => seen.add(s));
      }
      for (const state of user.states) expect(seen.has(state), `${user.username} should see ${state}`).toBe(true);
    }
    // The README's table of users to try names the same ones.
    const readme = readFileSync('README.md', 'utf8');
    const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(expect.arrayContaining(users.map((u) => u.username)));
  });
});

describe('GET /api/worklist', () => {
  it('lists what is overdue first, then what is still to do by due date, then what is done, newest first', async () => {
    const items = await get<WorklistItem[]>('/api/worklist', 'canbo-06001');
    const overdue = (i: WorklistItem) => i.isReporter && i.isLate && (i.status === 'draft' || i.status === 'returned');
    const done = (i: WorklistItem) => i.status === 'submitted' || i.status === 'approved';
    expect(overdue(items[0]!)).toBe(true);
    expect(items.filter(overdue).map((i) => `${i.template.id} ${i.period.id}`)).toContain(`${KTXH} 202611`);
    const groups = items.map((i) => (overdue(i) ? 0 : done(i) ? 2 : 1));
    expect(groups).toEqual([...groups].sort());
    const deadlines = (g: number) => items.filter((_, k) => groups[k] === g).map((i) => i.deadline ?? '9999');
    expect(deadlines(0)).toEqual([...deadlines(0)].sort());
    expect(deadlines(1)).toEqual([...deadlines(1)].sort());
    expect(deadlines(2)).toEqual([...deadlines(2)].sort().reverse());
    expect(groups.filter((g) => g === 1).length).toBeGreaterThan(1);
  });
});

describe('the units that must report', () => {
  it('are the same six in the roll-up, the Excel, the machine package, the worklist and the list of units below', async () => {
    const head = await cookieOf('lanhdao-20');
    const read = async (path: string) => {
      const res = await t.request(path, { cookie: head });
      expect(res.status, path).toBe(200);
      return res;
    };
    const rollup = (await (await read(`/api/aggregates/${CQS}/2026S1/20`)).json()) as Aggregate;
    const pkg = (await (await read(`/api/exports/${CQS}/2026S1/20.json`)).json()) as { completeness: { expected: number } };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await read(`/api/exports/${CQS}/2026S1/20.xlsx`)).arrayBuffer());
    const lines = wb.worksheets[0]!.getSheetValues().flat().filter((x): x is string => typeof x === 'string');
    const excel = Number(/Số đơn vị phải báo cáo: (\d+)/.exec(lines.join('\n'))?.[1]);
    const worklist = ((await (await read('/api/worklist')).json()) as WorklistItem[]).find((i) => i.template.id === CQS && i.period.id === '2026S1')!;
    const below = (await (await read(`/api/reports?template=${CQS}&period=2026S1&under=20`)).json()) as ReportListItem[];

    // The province fills this form itself (its sở, ban, ngành), so its own report is one of those expected.
    expect(below.map((r) => r.unitCode).sort()).toEqual(['05977', '05983', '05986', '06001', '06187', '20']);
    expect({ rollup: rollup.completeness.expected, pkg: pkg.completeness.expected, excel, worklist: worklist.below?.expected, below: below.length }).toEqual({
      rollup: 6,
      pkg: 6,
      excel: 6,
      worklist: 6,
      below: 6,
    });
    expect(worklist.below).toEqual(rollup.completeness);
  });

  it('leave out units of the subtree whose level does not fill the form, and a commune lists only itself', async () => {
    const communes = await get<ReportListItem[]>(`/api/reports?template=${KTXH}&period=202611&under=20`, 'lanhdao-20');
    expect(communes.map((r) => r.unitCode).sort()).toEqual(['05977', '05983', '05986', '06001', '06187']);
    const own = await get<ReportListItem[]>(`/api/reports?template=${KTXH}&period=202611&under=06001`, 'lanhdao-20');
    expect(own.map((r) => r.unitCode)).toEqual(['06001']);
  });
});
