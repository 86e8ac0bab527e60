// Open lists in the officer's form: "Thêm dòng" adds a row the engine computes and checks at once, never
// past the list's maxRows; and figures typed on added rows (a draft kept over a reload, or rows saved from
// another computer) always get a row to show them, with the list's total counting them.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../schema/api';
import type { TemplateFile } from '../../schema/template';
import type { Api } from '../../client/api';
import { createEngine } from '../../client/engine';
import type { DraftStorage } from '../../client/stores/draft';
import { createReportStore, type ReportStore } from '../../client/stores/report-store';
import { expandLists } from '../../domain/template/lists';
import { smallForm } from './fixtures/templates';

const KEY = { template: 'mau-thu', period: '2025Q1', unit: '05971' };

/** A case list: a text column and a number, at most 4 items; as served for one unit with `blank` rows. */
const caseList: TemplateFile = {
  ...smallForm,
  defaults: { valueType: 'integer', min: 0 },
  columns: [
    { key: 'noi_dung', label: 'Nội dung', valueType: 'text' },
    { key: 'so_don', label: 'Số đơn' },
  ],
  rows: [{ code: 'DS', label: 'Các vụ việc', openList: { maxRows: 4, itemLabel: 'Vụ việc' } }],
  rules: [],
  cellFormulas: [],
  sections: [],
};
const served = (rows: number) => expandLists(caseList, { ownUnit: KEY.unit, periodId: KEY.period, openRows: new Map([['DS', rows]]) });

function memoryStorage(): DraftStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function fakeApi(file: TemplateFile, values: Report['values']): Api {
  const report = {
    template: file.id,
    templateVersion: file.version,
    period: KEY.period,
    periodStart: '2024-12-15',
    periodEnd: '2025-03-14',
    unit: { code: KEY.unit, name: 'Phường Hoàng Văn Thụ', level: 'commune' },
    round: 'official',
    rounds: [{ round: 'official', status: 'draft', submittedAt: null, deadline: null, isLate: false }],
    status: 'draft',
    revision: 1,
    submittedAt: null,
    deadline: '2025-03-18',
    isLate: false,
    returnReason: null,
    lockedBy: null,
    relation: 'own',
    values,
    otherPeriods: [],
    issues: [],
    sections: [],
    explanations: [],
    can: { edit: true, submit: true, approve: false, return: false, comment: true },
  } as Report;
  const api: Partial<Api> = { report: async () => structuredClone(report), templateVersion: async () => file };
  return api as Api;
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

const rowsOf = (s: ReportStore) => s.template()!.rows.map((r) => r.code);

describe('open lists in the form', () => {
  it('adds a row that takes figures and counts in the total at once, up to maxRows', async () => {
    await withStore(fakeApi(served(2), []), memoryStorage(), async (s) => {
      expect(s.openLists()).toEqual([{ code: 'DS', label: 'Các vụ việc', itemLabel: 'Vụ việc', size: 2, maxRows: 4 }]);
      s.edit('DS.1', 'so_don', 2);
      expect(s.addListRow('DS')).toBe('DS.3');
      expect(rowsOf(s)).toEqual(['DS', 'DS.1', 'DS.2', 'DS.3']);
      expect(s.engine()!.cell('DS.3', 'so_don')?.kind).toBe('input');
      s.edit('DS.3', 'so_don', 5);
      s.edit('DS.3', 'noi_dung', 'Khiếu nại đất đai');
      expect(s.valueAt('DS', 'so_don')).toBe(7);
      // The edit made before the row was added is kept.
      expect(s.valueAt('DS.1', 'so_don')).toBe(2);
      expect(s.issues()).toEqual([]);
      expect(s.addListRow('DS')).toBe('DS.4');
      expect(s.addListRow('DS')).toBeUndefined();
      expect(s.openLists()[0]!.size).toBe(4);
      expect(s.addListRow('no-such-list')).toBeUndefined();
    });
  });

  it('gives a row to every figure typed on an added row, after a reload from the draft', async () => {
    const storage = memoryStorage();
    await withStore(fakeApi(served(1), []), storage, async (s) => {
      s.addListRow('DS');
      s.addListRow('DS');
      s.edit('DS.3', 'so_don', 4);
    });
    // Served again with one row only: the draft names the third.
    await withStore(fakeApi(served(1), []), storage, async (s) => {
      expect(s.restored()?.count).toBe(1);
      expect(rowsOf(s)).toEqual(['DS', 'DS.1', 'DS.2', 'DS.3']);
      expect(s.valueAt('DS.3', 'so_don')).toBe(4);
      expect(s.valueAt('DS', 'so_don')).toBe(4);
    });
  });

  it('shows the rows a report holds beyond those the template was served with', async () => {
    await withStore(fakeApi(served(1), [{ row: 'DS.2', col: 'so_don', value: 3 }, { row: 'DS.2', col: 'noi_dung', value: 'Tố cáo' }]), memoryStorage(), async (s) => {
      expect(s.openLists()[0]!.size).toBe(2);
      expect(s.valueAt('DS.2', 'noi_dung')).toBe('Tố cáo');
      expect(s.valueAt('DS', 'so_don')).toBe(3);
    });
  });
});
