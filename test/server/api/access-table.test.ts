// The authorisation table: every report route × every kind of user × a report that is their own,
// inside their scope, outside it, or on the other side of the 2025 reform (same code, another unit).
// The expected access is written out by hand below; each cell checks the status, and where the answer
// is no, that nothing about the report changed.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, cellValues, reportComments, reports } from '../../../schema/db';
import { createTestApp, type TestApp } from '../../helpers/test-app';

/** 2026-07-01 in Hà Nội: Q2 2026 is closed; roles of pre-reform units ended on 30/06/2025. */
const NOW = new Date('2026-07-01T03:00:00Z');

interface Target {
  name: string;
  template: string;
  period: string;
  unit: string;
  /** The unit whose roll-up holds this report, for approve-all. */
  under: string;
  row: string;
  col: string;
}

const TARGETS = {
  /** A commune's citizen-reception report, routed by the template to the provincial inspectorate. */
  commune: { name: 'Đông Kinh 2026Q2', template: 'tiep-cong-dan-xa', period: '2026Q2', unit: '05977', under: '20', row: '1', col: 'ky_nay' },
  /** The province's own report of the same template, which the inspectorate compiles. */
  province: { name: 'tỉnh 2026Q2', template: 'tiep-cong-dan-xa', period: '2026Q2', unit: '20', under: '20', row: '1', col: 'ky_nay' },
  /** Code 05977 before the reform: Phường Vĩnh Trại, another unit than today's Đông Kinh. */
  reform: { name: 'Vĩnh Trại 2025Q1 (mã 05977 trước sáp nhập)', template: 'bieu-06-vpcp-kstt', period: '2025Q1', unit: '05977', under: '178', row: '01', col: 'nhan_truc_tuyen' },
} satisfies Record<string, Target>;
type TargetName = keyof typeof TARGETS;

/** v: view, w: write (save, submit), d: decide (approve, return); '' none. Written from domain.md, not from the code. */
const EXPECTED: Record<string, Record<TargetName, string>> = {
  'canbo-05977': { commune: 'vw', province: '', reform: '' }, // the commune's officer: own; never Vĩnh Trại
  'canbo-05983': { commune: '', province: '', reform: '' }, // another commune's officer: outside
  'lanhdao-05977-vhxh': { commune: '', province: '', reform: '' }, // a phòng of the commune: not routed here
  'lanhdao-20': { commune: 'v', province: 'vwd', reform: 'v' }, // province head: scope; own and top report
  'lanhdao-20-ttr': { commune: 'vd', province: 'vw', reform: '' }, // the routed agency's head: receives, compiles
  'canbo-20-ttr': { commune: 'v', province: 'vw', reform: '' }, // its officer: reads what arrives, compiles
  'lanhdao-20-nv': { commune: '', province: '', reform: '' }, // another sở: not routed
  'xem-20': { commune: 'v', province: 'v', reform: 'v' }, // viewer of the province: reads, changes nothing
  admin: { commune: 'v', province: 'v', reform: 'v' },
  'lanhdao-178': { commune: '', province: '', reform: '' }, // head of a district that ended on 30/06/2025
};

type Need = 'v' | 'w' | 'd' | 'wd';
interface Route {
  name: string;
  need: Need;
  /** The report's state the action needs, so a refusal can only be about who asks. */
  state: 'draft' | 'submitted' | 'any';
  changes: boolean;
  call(t: TestApp, cookie: string, target: Target): Promise<Response>;
  /** Extra check on a 200 that does not show in the status (approve-all answers 200 to viewers). */
  allowed?(res: Response, target: Target): Promise<boolean>;
  /** The reports the route applies to (approve-all approves the units below, never the top one). */
  targets?: TargetName[];
}

const base = (x: Target) => `/api/reports/${x.template}/${x.period}/${x.unit}`;
const ROUTES: Route[] = [
  { name: 'GET report', need: 'v', state: 'any', changes: false, call: (t, cookie, x) => t.request(base(x), { cookie }) },
  { name: 'GET history', need: 'v', state: 'any', changes: false, call: (t, cookie, x) => t.request(`${base(x)}/history`, { cookie }) },
  { name: 'GET comments', need: 'v', state: 'any', changes: false, call: (t, cookie, x) => t.request(`${base(x)}/comments`, { cookie }) },
  { name: 'GET changes', need: 'v', state: 'any', changes: false, call: (t, cookie, x) => t.request(`${base(x)}/changes`, { cookie }) },
  { name: 'GET aggregate', need: 'v', state: 'any', changes: false, call: (t, cookie, x) => t.request(`/api/aggregates/${x.template}/${x.period}/${x.unit}`, { cookie }) },
  { name: 'GET export xlsx', need: 'v', state: 'any', changes: false, call: (t, cookie, x) => t.request(`/api/exports/${x.template}/${x.period}/${x.unit}.xlsx`, { cookie }) },
  { name: 'GET export json', need: 'v', state: 'any', changes: false, call: (t, cookie, x) => t.request(`/api/exports/${x.template}/${x.period}/${x.unit}.json`, { cookie }) },
  {
    name: 'GET series',
    need: 'v',
    state: 'any',
    changes: false,
    call: (t, cookie, x) => t.request(`/api/series/${x.template}/${x.unit}/${x.row}?from=${x.period}&to=${x.period}&col=${x.col}`, { cookie }),
  },
  {
    name: 'GET list',
    need: 'v',
    state: 'any',
    changes: false,
    call: (t, cookie, x) => t.request(`/api/reports?template=${x.template}&period=${x.period}`, { cookie }),
    allowed: async (res, x) => ((await res.json()) as { unitCode: string }[]).some((r) => r.unitCode === x.unit),
  },
  {
    name: 'POST comment',
    need: 'wd',
    state: 'any',
    changes: true,
    call: (t, cookie, x) => t.request(`${base(x)}/comments`, { method: 'POST', cookie, json: { row: x.row, col: x.col, text: 'Đề nghị kiểm tra lại.' } }),
  },
  {
    name: 'PUT values',
    need: 'w',
    state: 'draft',
    changes: true,
    call: async (t, cookie, x) => t.request(`${base(x)}/values`, { method: 'PUT', cookie, json: { revision: await revisionOf(t, x), values: [{ row: x.row, col: x.col, value: 7 }] } }),
  },
  { name: 'POST submit', need: 'w', state: 'draft', changes: true, call: (t, cookie, x) => t.request(`${base(x)}/submit`, { method: 'POST', cookie }) },
  { name: 'POST approve', need: 'd', state: 'submitted', changes: true, call: (t, cookie, x) => t.request(`${base(x)}/approve`, { method: 'POST', cookie }) },
  {
    name: 'POST return',
    need: 'd',
    state: 'submitted',
    changes: true,
    call: (t, cookie, x) => t.request(`${base(x)}/return`, { method: 'POST', cookie, json: { reason: 'Số liệu chưa khớp.' } }),
  },
  {
    name: 'POST approve-all',
    need: 'd',
    state: 'submitted',
    changes: true,
    call: (t, cookie, x) => t.request(`/api/reports/${x.template}/${x.period}/approve-all?under=${x.under}`, { method: 'POST', cookie }),
    allowed: async (res, x) => ((await res.json()) as { approved: string[] }).approved.includes(x.unit),
    targets: ['commune', 'reform'],
  },
];

let t: TestApp;
const cookies = new Map<string, string>();
let reportIds: Record<TargetName, number>;

async function revisionOf(app: TestApp, x: Target) {
  const [row] = await app.deps.store.db.select({ revision: reports.revision }).from(reports).where(eq(reports.id, reportIds[nameOf(x)]));
  return row!.revision;
}
const nameOf = (x: Target) => (Object.keys(TARGETS) as TargetName[]).find((k) => TARGETS[k] === x)!;

/**
 * Puts a report in the state a route needs, and the others back to drafts so that no approval above it
 * locks it (test set-up, written straight to the table).
 */
async function setState(name: TargetName, state: Route['state']) {
  if (state === 'any') return;
  for (const other of Object.keys(TARGETS) as TargetName[]) {
    const status = other === name ? state : 'draft';
    await t.deps.store.db.update(reports).set({ status, submittedAt: status === 'submitted' ? NOW.toISOString() : null }).where(eq(reports.id, reportIds[other]));
  }
}

/** Everything a refused request must leave as it was. */
async function snapshot(name: TargetName) {
  const db = t.deps.store.db;
  const id = reportIds[name];
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  const values = await db.select().from(cellValues).where(eq(cellValues.reportId, id));
  const audit = await db.select().from(auditEntries).where(eq(auditEntries.reportId, id));
  const comments = await db.select().from(reportComments).where(eq(reportComments.reportId, id));
  return JSON.stringify({ row, values, audit: audit.length, comments: comments.length });
}

const mayDo = (grants: string, need: Need) => (need === 'wd' ? grants.includes('w') || grants.includes('d') : grants.includes(need));

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  for (const username of Object.keys(EXPECTED)) cookies.set(username, await t.login(username));
  // Each target report exists with one value, so "unchanged" has something to compare.
  const now = NOW.toISOString();
  const trees = { commune: '2026-06-14', province: '2026-06-14', reform: '2025-03-14' } as const;
  const ids: Partial<Record<TargetName, number>> = {};
  for (const name of Object.keys(TARGETS) as TargetName[]) {
    const x = TARGETS[name];
    const unit = (await t.deps.unitTrees.at(trees[name])).byCode(x.unit)!;
    const version = t.deps.templates.forPeriod(x.template, x.period)!.file.version;
    const [row] = await t.deps.store.db
      .insert(reports)
      .values({ templateId: x.template, templateVersion: version, periodId: x.period, unitId: unit.id, status: 'draft', revision: 1, createdAt: now, updatedAt: now })
      .returning();
    await t.deps.store.db.insert(cellValues).values({ reportId: row!.id, rowCode: x.row, colKey: x.col, numValue: 3, textValue: null });
    ids[name] = row!.id;
  }
  reportIds = ids as Record<TargetName, number>;
});
afterAll(() => t.close());

const CASES = ROUTES.flatMap((route) =>
  (route.targets ?? (Object.keys(TARGETS) as TargetName[])).flatMap((target) => Object.keys(EXPECTED).map((user) => ({ route, target, user }))),
);

describe(`the authorisation table: ${ROUTES.length} routes × ${Object.keys(EXPECTED).length} users × up to ${Object.keys(TARGETS).length} reports = ${CASES.length} cases`, () => {
  it.each(CASES.map((c) => [`${c.route.name} ${TARGETS[c.target].name} as ${c.user}`, c] as const))('%s', async (_name, { route, target, user }) => {
    const x = TARGETS[target];
    await setState(target, route.state);
    const before = await snapshot(target);
    const res = await route.call(t, cookies.get(user)!, x);
    const expected = mayDo(EXPECTED[user]![target], route.need);
    // A 200 can still mean "not for this unit" (a list without it, an approve-all that skipped it).
    const granted = res.status < 300 && (route.allowed ? await route.allowed(res.clone(), x) : true);
    expect(granted, `${res.status} ${await res.clone().text()}`).toBe(expected);
    if (!expected) {
      if (!route.allowed) expect(res.status).toBe(403);
      expect(await snapshot(target)).toBe(before);
    } else if (!route.changes) {
      expect(await snapshot(target)).toBe(before);
    }
  });

  it('refuses every user route to all but the admin', async () => {
    for (const user of Object.keys(EXPECTED)) {
      const res = await t.request('/api/users', { cookie: cookies.get(user) });
      expect(res.status, user).toBe(user === 'admin' ? 200 : 403);
      const created = await t.request('/api/users', { method: 'POST', cookie: cookies.get(user), json: { username: `moi-${user}`, name: 'Người mới', password: 'mat-khau-moi-123', roles: [] } });
      expect(created.status, user).toBe(user === 'admin' ? 201 : 403);
      const patched = await t.request('/api/users/canbo-05983', { method: 'PATCH', cookie: cookies.get(user), json: { name: 'Đổi tên' } });
      expect(patched.status, user).toBe(user === 'admin' ? 200 : 403);
      const holiday = await t.request('/api/holidays', { method: 'POST', cookie: cookies.get(user), json: { date: '2026-11-24', name: 'Thử' } });
      expect(holiday.status, user).toBe(user === 'admin' ? 201 : 403);
    }
  });
});
