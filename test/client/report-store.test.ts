// createReportStore: live totals and checks from the shared engine, drafts kept on the computer, and saves
// applied at once but rolled back (edits kept, draft kept) when the server refuses them.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { PutValuesBody, Report, SaveResult } from '../../schema/api';
import type { TemplateFile } from '../../schema/template';
import { ApiError, type Api } from '../../client/api';
import { createEngine } from '../../client/engine';
import { draftKey, type DraftStorage } from '../../client/stores/draft';
import { createReportStore, type ReportStore } from '../../client/stores/report-store';
import { bieu06, smallForm, ytdForm } from './fixtures/templates';

const KEY = { template: 'mau-thu', period: '2025Q1', unit: '05971' };

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** A server holding one report, with the revision check of PUT …/values; `failNext` makes the next save fail. */
function fakeServer(file: TemplateFile = smallForm) {
  const state = {
    report: {
      template: file.id,
      templateVersion: file.version,
      period: '2025Q1',
      periodStart: '2024-12-15',
      periodEnd: '2025-03-14',
      unit: { code: '05971', name: 'Phường Hoàng Văn Thụ', level: 'commune' },
      round: 'official',
      rounds: [{ round: 'official', status: 'draft', submittedAt: null, deadline: null, isLate: false }],
      status: 'draft',
      revision: 3,
      submittedAt: null,
      deadline: '2025-03-18',
      isLate: false,
      returnReason: null,
      lockedBy: null,
      relation: 'own',
      values: [{ row: '1', col: 'nam', value: 10 }],
      otherPeriods: [],
      issues: [],
      sections: [],
      explanations: [],
      can: { edit: true, submit: true, approve: false, return: false, comment: true },
    } as Report,
    puts: [] as PutValuesBody[],
    failNext: undefined as ApiError | undefined,
    submitted: 0,
  };
  let release: (() => void) | undefined;
  const api: Partial<Api> = {
    report: async () => structuredClone(state.report),
    templateVersion: async () => file,
    putValues: async (_t, _p, _u, body): Promise<SaveResult> => {
      state.puts.push(body);
      await new Promise<void>((r) => (release = r));
      release = undefined;
      const fail = state.failNext;
      state.failNext = undefined;
      if (fail) throw fail;
      if (body.revision !== state.report.revision) throw new ApiError(409, 'stale-revision', 'stale');
      const byKey = new Map(state.report.values.map((v) => [`${v.row}|${v.col}`, v]));
      for (const v of body.values) byKey.set(`${v.row}|${v.col}`, v);
      state.report.values = [...byKey.values()].filter((v) => v.value !== null);
      for (const s of body.sections ?? []) state.report.sections = [...state.report.sections.filter((x) => x.key !== s.key), s];
      for (const x of body.explanations ?? []) state.report.explanations.push(x);
      state.report.revision += 1;
      return { revision: state.report.revision, issues: [] };
    },
    submit: async () => {
      state.submitted += 1;
      state.report.status = 'submitted';
      state.report.can = { edit: false, submit: false, approve: false, return: false, comment: true };
      return { status: 'submitted', revision: state.report.revision, submittedAt: '2025-03-17T02:00:00Z' };
    },
  };
  /** Lets the save in flight answer. */
  const answer = async () => {
    for (let i = 0; i < 50 && !release; i++) await new Promise((r) => setTimeout(r, 0));
    release?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { state, api: api as Api, answer };
}

async function withStore<T>(api: Api, storage: DraftStorage, run: (s: ReportStore) => Promise<T>, key = KEY): Promise<T> {
  return createRoot(async (dispose) => {
    const store = createReportStore(api, key, { user: 'canbo-05971', storage, createEngine, now: () => new Date('2025-03-16T03:04:00Z') });
    await store.load();
    try {
      return await run(store);
    } finally {
      dispose();
    }
  });
}

describe('createReportStore', () => {
  it('computes totals and checks with the shared engine as cells are edited', async () => {
    const { api } = fakeServer();
    await withStore(api, memoryStorage(), async (s) => {
      expect(s.valueAt('1', 'nam')).toBe(10);
      s.edit('1', 'nu', 30);
      expect(s.valueAt('1', 'tong')).toBe(40);
      expect(s.valueAt('1', 'ty_le')).toBe(75);
      s.edit('2', 'nam', 5);
      s.edit('2.1', 'nam', 7);
      expect(s.issuesAt('2.1', 'nam').map((i) => i.code)).toEqual(['part-not-above-whole']);
      s.edit('2.1', 'nam', 4);
      expect(s.issuesAt('2.1', 'nam')).toEqual([]);
      s.edit('1', 'nam', -1);
      expect(s.issuesAt('1', 'nam').map((i) => i.code)).toContain('below-min');
    });
  });

  it('keeps unsaved edits in local storage and restores them when the report is opened again', async () => {
    const { api } = fakeServer();
    const storage = memoryStorage();
    await withStore(api, storage, async (s) => {
      s.edit('1', 'nu', 30);
      s.setSection('danh_gia', 'Tốt');
    });
    expect(storage.data.has(draftKey('canbo-05971', KEY.template, KEY.period, KEY.unit))).toBe(true);
    await withStore(api, storage, async (s) => {
      expect(s.restored()).toEqual({ count: 2, stale: false });
      expect(s.valueAt('1', 'nu')).toBe(30);
      expect(s.section('danh_gia')).toBe('Tốt');
      expect(s.isDirty()).toBe(true);
    });
  });

  it('keeps a cell the server refused in a partial save unsaved and listed, and drops it from the list once edited', async () => {
    const { api, state } = fakeServer();
    api.putValues = async (_t, _p, _u, body) => {
      state.puts.push(body);
      const rejected = body.values
        .filter((v) => typeof v.value === 'number' && v.value < 0)
        .map((v) => ({ row: v.row, col: v.col, code: 'below-min', message: `Dòng ${v.row} × Nam: không được nhỏ hơn 0.`, severity: 'error' as const }));
      state.report.revision += 1;
      return { revision: state.report.revision, issues: [], rejected };
    };
    await withStore(api, memoryStorage(), async (s) => {
      s.edit('1', 'nu', 30);
      s.edit('2', 'nam', -4);
      expect(await s.save()).toBe(true);
      expect(state.puts[0]!.partial).toBe(true);
      expect(s.report()?.revision).toBe(4);
      expect(s.rejected().map((i) => `${i.row}|${i.col}`)).toEqual(['2|nam']);
      expect([s.isCellDirty('1', 'nu'), s.isCellDirty('2', 'nam'), s.unsavedCells()]).toEqual([false, true, 1]);
      expect(s.valueAt('2', 'nam')).toBe(-4);
      s.edit('2', 'nam', 4);
      expect(s.rejected()).toEqual([]);
    });
  });

  it('counts narrative sections apart from cells', async () => {
    const { api } = fakeServer();
    await withStore(api, memoryStorage(), async (s) => {
      s.setSection('danh_gia', 'Ổn định.');
      expect([s.unsavedCells(), s.unsavedTexts()]).toEqual([0, 1]);
      s.edit('1', 'nu', 30);
      expect([s.unsavedCells(), s.unsavedTexts()]).toEqual([1, 1]);
    });
  });

  it('saves only the changed cells with the current revision and forgets the draft once saved', async () => {
    const { api, state, answer } = fakeServer();
    const storage = memoryStorage();
    await withStore(api, storage, async (s) => {
      s.edit('1', 'nu', 30);
      s.edit('2', 'nam', 4);
      s.edit('2', 'nam', 5);
      const saving = s.save();
      await answer();
      expect(await saving).toBe(true);
      expect(state.puts).toEqual([
        {
          revision: 3,
          values: [
            { row: '1', col: 'nu', value: 30 },
            { row: '2', col: 'nam', value: 5 },
          ],
          partial: true,
        },
      ]);
      expect(s.report()?.revision).toBe(4);
      expect(s.isDirty()).toBe(false);
      expect(s.lastSavedAt()).toEqual(new Date('2025-03-16T03:04:00Z'));
      expect(storage.data.size).toBe(0);
    });
  });

  it('shows a save as done at once and rolls it back, keeping the edits and the draft, when it fails', async () => {
    const { api, state, answer } = fakeServer();
    const storage = memoryStorage();
    await withStore(api, storage, async (s) => {
      s.edit('1', 'nu', 30);
      state.failNext = new ApiError(0, 'network', 'offline');
      const saving = s.save();
      // Optimistic: nothing looks unsaved while the request is out, the value stays on screen…
      expect(s.dirtyCount()).toBe(0);
      expect(s.valueAt('1', 'nu')).toBe(30);
      // …but the draft still holds it in case the tab closes now.
      expect([...storage.data.values()][0]).toContain('"nu",30');
      s.edit('1', 'nam', 11); // typed while the save is in flight
      await answer();
      expect(await saving).toBe(false);
      expect(s.saveError()).toBeInstanceOf(ApiError);
      expect(s.dirtyCount()).toBe(2);
      expect(s.isCellDirty('1', 'nu')).toBe(true);
      expect(s.valueAt('1', 'nu')).toBe(30);
      expect(s.valueAt('1', 'nam')).toBe(11);
      expect(s.report()?.revision).toBe(3);
      const draft = JSON.parse([...storage.data.values()][0]!) as { values: unknown[] };
      expect(draft.values).toEqual(expect.arrayContaining([['1', 'nu', 30], ['1', 'nam', 11]]));
    });
  });

  it('on a stale revision offers a reload that re-applies the local edits on the newer version', async () => {
    const { api, state, answer } = fakeServer();
    await withStore(api, memoryStorage(), async (s) => {
      s.edit('1', 'nu', 30);
      state.report.revision = 7; // someone else saved meanwhile
      state.report.values.push({ row: '2', col: 'nam', value: 9 });
      const saving = s.save();
      await answer();
      expect(await saving).toBe(false);
      expect(s.conflict()).toBe(true);
      await s.reloadKeepingEdits();
      expect(s.conflict()).toBe(false);
      expect(s.report()?.revision).toBe(7);
      expect(s.valueAt('2', 'nam')).toBe(9);
      expect(s.valueAt('1', 'nu')).toBe(30);
      const again = s.save();
      await answer();
      expect(await again).toBe(true);
      expect(state.puts.at(-1)).toMatchObject({ revision: 7, values: [{ row: '1', col: 'nu', value: 30 }] });
    });
  });

  it('puts the issues of a 422 on their cells', async () => {
    const { api, state, answer } = fakeServer();
    await withStore(api, memoryStorage(), async (s) => {
      s.edit('1', 'nu', 30);
      state.failNext = new ApiError(422, 'invalid-values', 'bad', [{ row: '1', col: 'nu', code: 'server-says', message: 'Không hợp lệ', severity: 'error' }]);
      const saving = s.save();
      await answer();
      expect(await saving).toBe(false);
      expect(s.issuesAt('1', 'nu').map((i) => i.message)).toEqual(['Không hợp lệ']);
      s.edit('1', 'nu', 31);
      expect(s.issuesAt('1', 'nu')).toEqual([]);
    });
  });

  it('refuses to submit with errors, asks an explanation per warning and the required narrative, then saves them and submits', async () => {
    const { api, state, answer } = fakeServer();
    const storage = memoryStorage();
    await withStore(api, storage, async (s) => {
      s.edit('2', 'nam', 5);
      s.edit('2.1', 'nam', 7);
      expect(await s.submit()).toEqual({ ok: false, reason: 'errors' });
      s.edit('2.1', 'nam', 1);
      s.edit('1', 'nu', 1); // women 1 of 16: below the plausible 30 %
      const warning = s.warnings()[0]!;
      expect(warning.code).toBe('women-share-plausible');
      expect(await s.submit()).toEqual({ ok: false, reason: 'explanations' });
      s.setExplanation(warning, 'Khu công nghiệp, lao động nam');
      expect(await s.submit()).toEqual({ ok: false, reason: 'sections' });
      s.setSection('danh_gia', 'Ổn định');
      const submitting = s.submit();
      await answer();
      expect(await submitting).toEqual({ ok: true });
      expect(state.puts.at(-1)?.sections).toEqual([{ key: 'danh_gia', text: 'Ổn định' }]);
      expect(state.puts.at(-1)?.explanations).toEqual([{ rule: 'women-share-plausible', row: warning.row, col: warning.col, text: 'Khu công nghiệp, lao động nam' }]);
      expect(state.submitted).toBe(1);
      expect(s.report()?.status).toBe('submitted');
      expect(s.canEdit()).toBe(false);
      expect(storage.data.size).toBe(0);
    });
  });

  it('submits only once a save already out has answered, so the server never judges figures still arriving', async () => {
    const { api, state, answer } = fakeServer();
    await withStore(api, memoryStorage(), async (s) => {
      s.edit('1', 'nu', 12); // 12 of 22: no warning
      s.setSection('danh_gia', 'Ổn định');
      const saving = s.save();
      expect(s.isDirty()).toBe(false); // the edit is out, nothing is left to send
      const submitting = s.submit();
      await new Promise((r) => setTimeout(r, 0));
      expect(state.submitted).toBe(0);
      await answer();
      expect(await saving).toBe(true);
      expect(await submitting).toEqual({ ok: true });
      expect(state.submitted).toBe(1);
      expect(state.puts).toHaveLength(1);
    });
  });

  it('drops a draft that no longer applies because the report was submitted elsewhere', async () => {
    const { api, state } = fakeServer();
    const storage = memoryStorage();
    await withStore(api, storage, async (s) => s.edit('1', 'nu', 30));
    state.report.status = 'submitted';
    state.report.can.edit = false;
    await withStore(api, storage, async (s) => {
      expect(s.restored()).toBeUndefined();
      expect(s.valueAt('1', 'nu')).toBeUndefined();
    });
    expect(storage.data.size).toBe(0);
  });

  it('reads the other periods the report carries for prev() rules, with no further request (Biểu 06 carried-over check)', async () => {
    const file = bieu06();
    const { api, state } = fakeServer(file);
    state.report.values = [];
    state.report.otherPeriods = [{ period: '2024Q4', values: [{ row: '01', col: 'dang_gq_tong', value: 3 }] }];
    const calls: string[] = [];
    const report = api.report;
    api.report = async (t, period, u) => {
      calls.push(period);
      return report(t, period, u);
    };
    await withStore(
      api,
      memoryStorage(),
      async (s) => {
        s.edit('01', 'nhan_ky_truoc', 2);
        expect(s.issuesAt('01', 'nhan_ky_truoc').map((i) => i.code)).toContain('carried-over-matches-previous');
        s.edit('01', 'nhan_ky_truoc', 3);
        expect(s.issuesAt('01', 'nhan_ky_truoc').map((i) => i.code)).not.toContain('carried-over-matches-previous');
        expect(calls).toEqual(['2025Q1']);
      },
      { template: file.id, period: '2025Q1', unit: '05971' },
    );
  });

  it('computes "cùng kỳ" and "lũy kế" columns from the other periods at first render', async () => {
    const file = ytdForm();
    const { api, state } = fakeServer(file);
    state.report.period = '2025Q2';
    state.report.values = [{ row: '1', col: 'ky_nay', value: 5 }];
    state.report.otherPeriods = [
      { period: '2024Q2', values: [{ row: '1', col: 'ky_nay', value: 4 }] },
      { period: '2025Q1', values: [{ row: '1', col: 'ky_nay', value: 7 }] },
    ];
    await withStore(
      api,
      memoryStorage(),
      async (s) => {
        expect(s.valueAt('1', 'cung_ky')).toBe(4);
        expect(s.valueAt('1', 'luy_ke')).toBe(12);
        s.edit('1', 'ky_nay', 6);
        expect(s.valueAt('1', 'luy_ke')).toBe(13);
      },
      { template: file.id, period: '2025Q2', unit: '05971' },
    );
  });

  it("shows the server's rule results before any edit, then the local engine's as the officer types", async () => {
    const { api, state } = fakeServer();
    const fromServer = { row: '1', col: 'nam', code: 'server-only-rule', message: 'Theo máy chủ', severity: 'error' as const };
    state.report.issues = [fromServer];
    await withStore(api, memoryStorage(), async (s) => {
      expect(s.issues()).toEqual([fromServer]);
      expect(s.issuesAt('1', 'nam').map((i) => i.message)).toEqual(['Theo máy chủ']);
      expect(s.errors()).toHaveLength(1);
      s.edit('2', 'nam', 5);
      s.edit('2.1', 'nam', 7);
      // The local engine now judges; a rule it does not know stays, as the server is the authority.
      expect(s.issues().map((i) => i.code)).toEqual(['part-not-above-whole', 'server-only-rule']);
    });
  });

  it("drops the server's verdict on a rule the local engine checks once the officer edits", async () => {
    const { api, state, answer } = fakeServer();
    state.report.values = [
      { row: '2', col: 'nam', value: 5 },
      { row: '2.1', col: 'nam', value: 7 },
    ];
    state.report.issues = [{ row: '2.1', col: 'nam', code: 'part-not-above-whole', message: 'Từ máy chủ', severity: 'error' }];
    await withStore(api, memoryStorage(), async (s) => {
      expect(s.issuesAt('2.1', 'nam').map((i) => i.message)).toEqual(['Từ máy chủ']);
      s.edit('2.1', 'nam', 4);
      expect(s.issues()).toEqual([]);
      const saving = s.save();
      await answer();
      expect(await saving).toBe(true);
      // The save's answer is the new verdict on the saved values.
      expect(s.issues()).toEqual([]);
    });
  });
});
