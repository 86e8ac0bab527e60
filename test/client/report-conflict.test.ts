// Edits kept offline meet a server that moved on: they are sent on the revision they were typed on, a
// 409 leads to the new version with the edits laid on top, and only a cell the server changed too is put
// to the officer, with both figures, to choose; the choice is what gets saved.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { PutValuesBody, Report, SaveResult } from '../../schema/api';
import { ApiError, type Api } from '../../client/api';
import { createEngine } from '../../client/engine';
import type { DraftStorage } from '../../client/stores/draft';
import { createReportStore, type ReportStore } from '../../client/stores/report-store';
import { smallForm } from './fixtures/templates';

const KEY = { template: smallForm.id, period: '2025Q1', unit: '05971' };

function server() {
  const report = {
    template: smallForm.id,
    templateVersion: smallForm.version,
    period: '2025Q1',
    periodStart: '2024-12-15',
    periodEnd: '2025-03-14',
    unit: { code: '05971', name: 'Phường Hoàng Văn Thụ', level: 'commune' },
    round: 'official',
    rounds: [{ round: 'official', status: 'draft', submittedAt: null, deadline: null, isLate: false }],
    status: 'draft',
    revision: 1,
    submittedAt: null,
    deadline: null,
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
  } as Report;
  const puts: PutValuesBody[] = [];
  const set = (row: string, col: string, value: number) => {
    report.values = [...report.values.filter((v) => !(v.row === row && v.col === col)), { row, col, value }];
    report.revision += 1;
  };
  const api: Partial<Api> = {
    report: async () => structuredClone(report),
    templateVersion: async () => smallForm,
    putValues: async (_t, _p, _u, body): Promise<SaveResult> => {
      puts.push(body);
      if (body.revision !== report.revision) throw new ApiError(409, 'stale-revision', 'stale');
      for (const v of body.values) if (typeof v.value === 'number') set(v.row, v.col, v.value);
      return { revision: report.revision, issues: [] };
    },
  };
  return { api: api as Api, report, puts, set };
}

const entriesOf = new WeakMap<DraftStorage, Map<string, string>>();

function memoryStorage(): DraftStorage {
  const data = new Map<string, string>();
  const storage: DraftStorage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  entriesOf.set(storage, data);
  return storage;
}

/** What the storage holds now (a copy). */
function storageEntries(storage: DraftStorage): Map<string, string> {
  return new Map(entriesOf.get(storage));
}

async function withStore<T>(api: Api, storage: DraftStorage, run: (s: ReportStore) => Promise<T>): Promise<T> {
  return createRoot(async (dispose) => {
    const store = createReportStore(api, KEY, { user: 'canbo-05971', storage, createEngine });
    await store.load();
    try {
      return await run(store);
    } finally {
      dispose();
    }
  });
}

describe('edits kept offline meeting a newer version', () => {
  it('are sent on their own revision, and only a cell changed on both sides is put to the officer', async () => {
    const s = server();
    const storage = memoryStorage();
    // Typed offline on revision 1, page closed.
    await withStore(s.api, storage, async (store) => {
      store.edit('1', 'nam', 11);
      store.edit('1', 'nu', 20);
    });
    // Meanwhile another computer changes 1 × nam (a clash) and 2 × nam (not touched here).
    s.set('1', 'nam', 12);
    s.set('2', 'nam', 5);

    await withStore(s.api, storage, async (store) => {
      expect(store.restored()).toEqual({ count: 2, stale: true });
      expect(await store.save()).toBe(false);
      expect(s.puts.at(-1)!.revision).toBe(1);
      expect(store.conflict()).toBe(true);

      await store.reloadKeepingEdits();
      expect(store.conflictCells()).toEqual([{ row: '1', col: 'nam', mine: 11, theirs: 12 }]);
      // The untouched cell shows the other computer's figure.
      expect(store.valueAt('2', 'nam')).toBe(5);

      expect(await store.resolveConflict(() => true)).toBe(true);
      expect(s.puts.at(-1)).toMatchObject({ revision: 3 });
      expect(s.report.values).toEqual(expect.arrayContaining([{ row: '1', col: 'nam', value: 11 }, { row: '1', col: 'nu', value: 20 }, { row: '2', col: 'nam', value: 5 }]));
      expect(store.isDirty()).toBe(false);
    });
  });

  it("takes the server's figure where the officer chooses it, and saves the rest", async () => {
    const s = server();
    const storage = memoryStorage();
    await withStore(s.api, storage, async (store) => {
      store.edit('1', 'nam', 11);
      store.edit('1', 'nu', 20);
      s.set('1', 'nam', 12);
      expect(await store.save()).toBe(false);
      await store.reloadKeepingEdits();
      expect(store.conflictCells()).toHaveLength(1);
      await store.resolveConflict(() => false);
      expect(s.report.values).toEqual(expect.arrayContaining([{ row: '1', col: 'nam', value: 12 }, { row: '1', col: 'nu', value: 20 }]));
      expect(store.valueAt('1', 'nam')).toBe(12);
    });
  });

  it('does not take a cell the officer saved earlier and edits again for a clash', async () => {
    const s = server();
    await withStore(s.api, memoryStorage(), async (store) => {
      store.edit('1', 'nam', 11);
      expect(await store.save()).toBe(true);
      store.edit('1', 'nam', 13);
      s.set('2', 'nam', 5);
      expect(await store.save()).toBe(false);
      await store.reloadKeepingEdits();
      expect(store.conflictCells()).toEqual([]);
      expect(await store.save()).toBe(true);
      expect(s.report.values).toContainEqual({ row: '1', col: 'nam', value: 13 });
    });
  });

  it('replays nothing when every edit of a draft left behind already reached the server, and saves the next edit on the current revision', async () => {
    const s = server();
    const storage = memoryStorage();
    // The save reached the server, but the page was reloaded before the emptied draft was written.
    await withStore(s.api, storage, async (store) => {
      store.edit('1', 'nam', 11);
      const left = [...storageEntries(storage)];
      expect(await store.save()).toBe(true);
      for (const [k, v] of left) storage.setItem(k, v);
    });
    expect(s.report.revision).toBe(2);

    await withStore(s.api, storage, async (store) => {
      expect(store.restored()).toBeUndefined();
      store.edit('1', 'nu', 20);
      expect(await store.save()).toBe(true);
      expect(s.puts.at(-1)?.revision).toBe(2);
      expect(store.conflict()).toBe(false);
      expect(s.report.values).toContainEqual({ row: '1', col: 'nu', value: 20 });
    });
  });
});
