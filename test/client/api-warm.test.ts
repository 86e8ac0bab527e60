// Opening a report at its address on a weak link: the report and its template are asked for beside the
// session check (api.warmReport), the page's own calls take those answers, and the store asks for the
// template beside the report when the browser remembers its version.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../schema/api';
import { createApi, type Api } from '../../client/api';
import { createEngine } from '../../client/engine';
import { createReportStore } from '../../client/stores/report-store';
import { rememberedVersion, rememberVersion } from '../../client/stores/template-hint';
import { smallForm } from './fixtures/templates';

/** A fetch that answers every GET with its path, counting the calls per path; `status` per path. */
function countingFetch(status: Record<string, number> = {}) {
  const calls: string[] = [];
  const fetch = (async (input: string) => {
    const path = String(input);
    calls.push(path);
    const code = status[path] ?? 200;
    return new Response(JSON.stringify(code === 200 ? { path, n: calls.length } : { error: { code: 'unauthorized', message: 'Chưa đăng nhập' } }), { status: code });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const REPORT = '/api/reports/bieu-06/2025Q1/05971';
const TEMPLATE = '/api/templates/bieu-06/versions/2?period=2025Q1&unit=05971';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('api.warmReport', () => {
  it('starts the report and the template at once, and the page takes those answers without asking again', async () => {
    const f = countingFetch();
    const api = createApi({ fetch: f.fetch });
    api.warmReport('bieu-06', '2025Q1', '05971', 2);
    expect(f.calls).toEqual([REPORT, TEMPLATE]);
    const [report, template] = await Promise.all([api.report('bieu-06', '2025Q1', '05971'), api.templateVersion('bieu-06', 2, { period: '2025Q1', unit: '05971' })]);
    expect(f.calls).toEqual([REPORT, TEMPLATE]);
    expect(report).toEqual({ path: REPORT, n: 1 });
    expect(template).toEqual({ path: TEMPLATE, n: 2 });
  });

  it('gives a warmed answer once: the next call for the same report asks the server again', async () => {
    const f = countingFetch();
    const api = createApi({ fetch: f.fetch });
    api.warmReport('bieu-06', '2025Q1', '05971');
    await api.report('bieu-06', '2025Q1', '05971');
    const again = await api.report('bieu-06', '2025Q1', '05971');
    expect(f.calls).toEqual([REPORT, REPORT]);
    expect(again).toEqual({ path: REPORT, n: 2 });
  });

  it('asks again after a warmed answer that failed (signed out then) or waited longer than 15 s', async () => {
    const refused = countingFetch({ [REPORT]: 401 });
    const api = createApi({ fetch: refused.fetch });
    api.warmReport('bieu-06', '2025Q1', '05971');
    await new Promise((r) => setTimeout(r, 0));
    await expect(api.report('bieu-06', '2025Q1', '05971')).rejects.toMatchObject({ status: 401 });
    expect(refused.calls).toEqual([REPORT, REPORT]);

    vi.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z'), toFake: ['Date'] });
    const f = countingFetch();
    const later = createApi({ fetch: f.fetch });
    later.warmReport('bieu-06', '2025Q1', '05971');
    vi.setSystemTime(new Date('2026-12-03T08:00:16Z'));
    expect(await later.report('bieu-06', '2025Q1', '05971')).toEqual({ path: REPORT, n: 2 });
  });
});

describe('the template version hint', () => {
  const report = { template: smallForm.id, templateVersion: smallForm.version, period: '2025Q1', unit: { code: '05971' }, values: [], otherPeriods: [], issues: [], sections: [], explanations: [], can: { edit: true } } as unknown as Report;

  async function load(hint?: number) {
    if (hint !== undefined) rememberVersion(smallForm.id, '2025Q1', '05971', hint);
    const order: string[] = [];
    let answer!: () => void;
    const api: Partial<Api> = {
      report: () => (order.push('report'), new Promise<Report>((r) => (answer = () => r(structuredClone(report))))),
      templateVersion: async (_id, version) => (order.push(`template@${version}`), { ...smallForm, version }),
    };
    const done = createRoot(() => createReportStore(api as Api, { template: smallForm.id, period: '2025Q1', unit: '05971' }, { user: 'canbo-05971', createEngine }).load());
    await new Promise((r) => setTimeout(r, 0));
    const before = [...order];
    answer();
    await done;
    return { before, order };
  }

  it('asks for the remembered version beside the report, and remembers the version the report has', async () => {
    const { before, order } = await load(smallForm.version);
    expect(before).toEqual([`template@${smallForm.version}`, 'report']);
    expect(order).toEqual(before);
  });

  it('with no hint asks after the report; with an outdated one, for the report’s own version too', async () => {
    expect((await load()).order).toEqual(['report', `template@${smallForm.version}`]);
    expect(rememberedVersion(smallForm.id, '2025Q1', '05971')).toBe(smallForm.version);
    const stale = await load(smallForm.version + 1);
    expect(stale.order).toEqual([`template@${smallForm.version + 1}`, 'report', `template@${smallForm.version}`]);
  });
});
