// createReportStore(api, …): one report being filled — server values, local edits, computed cells and
// checks, with saves applied optimistically and rolled back (edits kept) when the server refuses them.
import { batch, createMemo, createSignal } from 'solid-js';
import type { CellValue, Issue, Report } from '../../schema/api';
import type { TemplateFile } from '../../schema/template';
import { ApiError, type Api } from '../api';
import { cellKey } from '../../domain/template/cell-key';
import { listRowCode, openListSizes, openListSizesFor, resizeOpenLists } from '../../domain/template/lists';
import type { Engine, OtherPeriods } from '../engine';
import { draftKey, readDraft, removeDraft, writeDraft, type Draft, type DraftStorage } from './draft';
import { issueId, issuesByCell, shownIssues } from './report-issues';
import { merged, otherPeriodsOf, putValuesBody, sameOtherPeriods, splitKey } from './report-parts';
import { rememberedVersion, rememberVersion } from './template-hint';

export interface ReportKey {
  template: string;
  period: string;
  unit: string;
  /** The preliminary round (số ước) of a form that has one; the official report when absent. */
  round?: 'preliminary';
}

export interface ReportStoreOptions {
  /** Whose edits these are: drafts of two users on one computer never mix. */
  user: string;
  storage?: DraftStorage;
  createEngine: (file: TemplateFile, periodId: string, others?: OtherPeriods) => Engine;
  now?: () => Date;
  /** Resolves once `storage` holds what was kept (IndexedDB opens asynchronously); drafts are restored after. */
  storageReady?: Promise<unknown>;
  /** The report as the server now holds it after a save (kept for a reload with no connection). */
  onSaved?: (report: Report) => void;
}

/** A cell both the officer and someone else changed since the officer's edit was based on the server's value. */
export interface ConflictCell {
  row: string;
  col: string;
  mine: CellValue;
  theirs: CellValue;
}

export type Values = ReadonlyMap<string, CellValue>;

export const cellKeyOf = cellKey;
export { issueId };

export type SubmitOutcome =
  | { ok: true }
  | { ok: false; reason: 'errors' | 'explanations' | 'sections' | 'save-failed' | 'refused'; error?: unknown };

/** Writes the draft under the revision its edits are based on (an older one while a replay is pending). */
function writeDraftAt(storage: DraftStorage | undefined, key: string, draft: Draft, revision: number): void {
  writeDraft(storage, key, { ...draft, revision });
}

export function createReportStore(api: Api, key: ReportKey, options: ReportStoreOptions) {
  const now = options.now ?? (() => new Date());
  // Each round keeps its own offline draft (a preliminary draft never lands in the official report).
  const storageKey = draftKey(options.user, key.template, key.period, key.round ? `${key.unit}:${key.round}` : key.unit);

  const [report, setReport] = createSignal<Report>();
  const [template, setTemplate] = createSignal<TemplateFile>();
  const [engine, setEngine] = createSignal<Engine>();
  const [loadError, setLoadError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(false);
  /** Input values as the server last confirmed them (or as a save in flight assumes it will). */
  const [saved, setSaved] = createSignal<Values>(new Map());
  /** Edits not yet sent. */
  const [edits, setEdits] = createSignal<Values>(new Map());
  /** Edits sent in the save now in flight: still in the local draft until the server confirms them. */
  const [inFlight, setInFlight] = createSignal<Values>(new Map());
  const [sectionText, setSectionText] = createSignal<ReadonlyMap<string, string>>(new Map());
  const [sectionEdits, setSectionEdits] = createSignal<ReadonlyMap<string, string>>(new Map());
  const [explanationText, setExplanationText] = createSignal<ReadonlyMap<string, string>>(new Map());
  const [explanationEdits, setExplanationEdits] = createSignal<ReadonlyMap<string, string>>(new Map());
  /**
   * The server's rule results on the saved values (`Report.issues`, then each save's answer); undefined
   * while a save is out, as the values it judged are no longer the saved ones.
   */
  const [verdict, setVerdict] = createSignal<Issue[]>();
  /** Cells the server refused in a save or a submission (422), until the officer edits them. */
  const [refusals, setRefusals] = createSignal<Issue[]>([]);
  /** What the last save left unsaved (its `rejected`), until the officer edits each one. */
  const [rejected, setRejected] = createSignal<Issue[]>([]);
  const [saving, setSaving] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);
  const [lastSavedAt, setLastSavedAt] = createSignal<Date>();
  const [saveError, setSaveError] = createSignal<unknown>();
  const [conflict, setConflict] = createSignal(false);
  const [restored, setRestored] = createSignal<{ count: number; stale: boolean }>();
  /** The server's value of each edited cell when the edit began (null: empty). */
  const [baseValues, setBaseValues] = createSignal<Values>(new Map());
  /** Edits restored from an older revision are sent on that revision, so the server says whether it moved on. */
  const [replayRevision, setReplayRevision] = createSignal<number>();
  const [conflictCells, setConflictCells] = createSignal<ConflictCell[]>([]);

  const values = createMemo<Values>(() => merged(saved(), edits()));
  const full = createMemo<Values>(() => {
    const e = engine();
    return e ? e.compute(values()) : values();
  });
  const localIssues = createMemo<Issue[]>(() => {
    const e = engine();
    return e ? e.check(values(), full()) : [];
  });
  const issues = createMemo<Issue[]>(() =>
    shownIssues({
      verdict: verdict(),
      refusals: refusals(),
      isPristine: edits().size === 0 && inFlight().size === 0,
      local: localIssues,
      checksLocally: (code) => engine()?.checksLocally(code) ?? false,
    }),
  );
  const byCell = createMemo(() => issuesByCell(issues()));
  const canEdit = () => (report()?.can.edit ?? false) && !submitting();
  const dirtyCount = () => edits().size + sectionEdits().size + explanationEdits().size;
  /** Texts (narrative sections, explanations) are counted apart from cells: typing one is not "1 ô chưa lưu". */
  const unsavedTexts = () => sectionEdits().size + explanationEdits().size;
  const isDirty = () => dirtyCount() > 0;
  const pendingKeys = createMemo(() => new Set([...inFlight().keys(), ...edits().keys()]));

  function persistDraft(): void {
    const r = report();
    if (!r) return;
    const cells = merged(inFlight(), edits());
    writeDraftAt(options.storage, storageKey, {
      revision: r.revision,
      savedAt: now().toISOString(),
      values: [...cells].map(([k, v]) => [...splitKey(k), v]),
      sections: [...sectionEdits()],
      explanations: [...explanationEdits()],
      base: [...cells.keys()].flatMap((k) => {
        const b = baseValues().get(k);
        return b === undefined ? [] : [[...splitKey(k), b] as [string, string, CellValue]];
      }),
    }, replayRevision() ?? r.revision);
  }

  function adoptReport(r: Report): void {
    const base = new Map<string, CellValue>();
    for (const v of r.values) base.set(cellKeyOf(v.row, v.col), v.value);
    const previous = report();
    const file = template();
    // prev(), lastYear() and ytd() read the other periods the report carries; rebuilt only when they moved.
    if (file && previous && !sameOtherPeriods(previous, r)) setEngine(options.createEngine(file, r.period, otherPeriodsOf(r)));
    setReport(r);
    setSaved(base);
    setVerdict(r.issues ?? []);
    setRefusals([]);
    setSectionText(new Map(r.sections.map((s) => [s.key, s.text])));
    setExplanationText(new Map(r.explanations.map((x) => [issueId({ code: x.rule, row: x.row, col: x.col }), x.text])));
  }

  /** Drops edits that now equal what the server holds, so nothing unchanged is sent again. */
  function pruneEdits(): void {
    const base = saved();
    setEdits((prev) => new Map([...prev].filter(([k, v]) => (base.get(k) ?? null) !== v)));
    const sections = sectionText();
    setSectionEdits((prev) => new Map([...prev].filter(([k, v]) => (sections.get(k) ?? '') !== v)));
    const expl = explanationText();
    setExplanationEdits((prev) => new Map([...prev].filter(([k, v]) => (expl.get(k) ?? '') !== v)));
  }

  async function load(): Promise<void> {
    setLoading(true);
    setLoadError(undefined);
    try {
      // The template is asked for beside the report when this browser knows its version (template-hint).
      const hinted = rememberedVersion(key.template, key.period, key.unit);
      const early = hinted === undefined ? undefined : api.templateVersion(key.template, hinted, { period: key.period, unit: key.unit });
      early?.catch(() => undefined);
      const r = await api.report(key.template, key.period, key.unit);
      rememberVersion(key.template, key.period, key.unit, r.templateVersion);
      const same = early && hinted === r.templateVersion && r.template === key.template && r.period === key.period && r.unit.code === key.unit;
      const file = same ? await early : await api.templateVersion(r.template, r.templateVersion, { period: r.period, unit: r.unit.code });
      // The report carries the other periods' inputs its formulas read, so totals, "cùng kỳ" and
      // "lũy kế" columns and the rules on them are right at first render.
      const e = options.createEngine(file, r.period, otherPeriodsOf(r));
      await options.storageReady?.catch(() => undefined);
      batch(() => {
        setTemplate(file);
        setEngine(e);
        adoptReport(r);
        restoreDraft(r);
      });
      fitOpenLists();
    } catch (e) {
      setLoadError(e);
    } finally {
      setLoading(false);
    }
  }

  /** Shows the open lists at these sizes; the engine is rebuilt on the new rows (their totals, their checks). */
  function resizeLists(sizes: ReadonlyMap<string, number>): void {
    const file = template();
    const r = report();
    if (!file || !r) return;
    const next = resizeOpenLists(file, sizes);
    const e = options.createEngine(next, r.period, otherPeriodsOf(r));
    batch(() => {
      setTemplate(next);
      setEngine(e);
    });
  }

  /**
   * Open lists grown to hold every value held or typed: a draft typed on rows added before a reload, or
   * rows added on another computer, are never left without a row to show them.
   */
  function fitOpenLists(): void {
    const file = template();
    const sizes = file && openListSizesFor(file, [...saved().keys(), ...edits().keys()]);
    if (sizes) resizeLists(sizes);
  }

  /** Adds a row to an open list (a case, a project); its code, or undefined when the list is full. */
  function addListRow(listCode: string): string | undefined {
    const file = template();
    const max = file?.rows.find((row) => row.code === listCode)?.openList?.maxRows;
    if (!file || max === undefined) return undefined;
    const sizes = openListSizes(file);
    const size = sizes.get(listCode) ?? 0;
    if (size >= max) return undefined;
    resizeLists(new Map(sizes).set(listCode, size + 1));
    return listRowCode(listCode, size + 1);
  }

  /** The open lists of the form: how many rows each shows and may show. */
  const openLists = createMemo(() => {
    const file = template();
    if (!file) return [];
    const sizes = openListSizes(file);
    return file.rows.flatMap((row) => (row.openList ? [{ code: row.code, label: row.label, itemLabel: row.openList.itemLabel, size: sizes.get(row.code) ?? 0, maxRows: row.openList.maxRows }] : []));
  });

  function restoreDraft(r: Report): void {
    const draft = readDraft(options.storage, storageKey);
    if (!draft) return;
    if (!r.can.edit) {
      // Submitted or approved meanwhile: the draft can no longer apply.
      removeDraft(options.storage, storageKey);
      return;
    }
    setEdits(new Map(draft.values.map(([row, col, v]) => [cellKeyOf(row, col), v])));
    setBaseValues(new Map((draft.base ?? []).map(([row, col, v]) => [cellKeyOf(row, col), v])));
    setSectionEdits(new Map(draft.sections));
    setExplanationEdits(new Map(draft.explanations));
    pruneEdits();
    const count = edits().size + sectionEdits().size + explanationEdits().size;
    if (count === 0) {
      // Every edit already reached the server (the page closed before the emptied draft was written):
      // nothing is replayed, so the next save goes on the server's revision, not on the stale one.
      setBaseValues(new Map());
      removeDraft(options.storage, storageKey);
      return;
    }
    // Sent on the revision they were typed on: a server that moved on answers 409 and the officer chooses.
    if (draft.revision !== r.revision) setReplayRevision(draft.revision);
    setRestored({ count, stale: draft.revision !== r.revision });
  }

  /**
   * After a conflict: take the server's latest version and lay the local edits on top again. A cell the
   * server changed too (its value is no longer the one the edit was made over) is not overwritten
   * silently: it is listed in conflictCells, both versions side by side, for the officer to choose.
   */
  async function reloadKeepingEdits(): Promise<void> {
    try {
      const r = await api.report(key.template, key.period, key.unit);
      const fresh = new Map(r.values.map((v) => [cellKeyOf(v.row, v.col), v.value]));
      const base = baseValues();
      const clashes: ConflictCell[] = [];
      for (const [k, mine] of edits()) {
        const was = base.get(k);
        const theirs = fresh.get(k) ?? null;
        if (was !== undefined && theirs !== was && theirs !== mine) clashes.push({ row: splitKey(k)[0], col: splitKey(k)[1], mine, theirs });
      }
      batch(() => {
        adoptReport(r);
        pruneEdits();
        // Every edit now stands on the fresh version.
        setBaseValues(new Map([...edits().keys()].map((k) => [k, fresh.get(k) ?? null])));
        setReplayRevision(undefined);
        setConflictCells(clashes);
        setConflict(false);
        setSaveError(undefined);
      });
      fitOpenLists();
      persistDraft();
    } catch (e) {
      setSaveError(e);
    }
  }

  /** The officer's choice for each conflicting cell; their own figures then go to the server. */
  async function resolveConflict(keepMine: (cell: ConflictCell) => boolean): Promise<boolean> {
    const theirs = conflictCells().filter((c) => !keepMine(c));
    batch(() => {
      setEdits((prev) => {
        const next = new Map(prev);
        for (const c of theirs) next.delete(cellKeyOf(c.row, c.col));
        return next;
      });
      setConflictCells([]);
    });
    persistDraft();
    return isDirty() ? save() : true;
  }

  function edit(row: string, col: string, value: CellValue): void {
    const k = cellKeyOf(row, col);
    if (!baseValues().has(k) && !inFlight().has(k)) setBaseValues((prev) => new Map(prev).set(k, saved().get(k) ?? null));
    setEdits((prev) => {
      const next = new Map(prev);
      if ((saved().get(k) ?? null) === value) next.delete(k);
      else next.set(k, value);
      return next;
    });
    const other = (i: Issue) => !(i.row === row && i.col === col);
    setRefusals((prev) => prev.filter(other));
    setRejected((prev) => prev.filter(other));
    // A refusal of the values themselves is over once every refused cell has been edited.
    const refusal = saveError();
    if (refusal instanceof ApiError && refusal.code === 'invalid-values' && refusals().length === 0) setSaveError(undefined);
    persistDraft();
  }

  function setSection(sectionKey: string, text: string): void {
    setRejected((prev) => prev.filter((i) => !(i.row === '' && i.col === sectionKey)));
    setSectionEdits((prev) => {
      const next = new Map(prev);
      if ((sectionText().get(sectionKey) ?? '') === text) next.delete(sectionKey);
      else next.set(sectionKey, text);
      return next;
    });
    persistDraft();
  }

  function setExplanation(issue: Pick<Issue, 'code' | 'row' | 'col'>, text: string): void {
    const id = issueId(issue);
    setExplanationEdits((prev) => {
      const next = new Map(prev);
      if ((explanationText().get(id) ?? '') === text) next.delete(id);
      else next.set(id, text);
      return next;
    });
    persistDraft();
  }

  const section = (k: string): string => sectionEdits().get(k) ?? sectionText().get(k) ?? '';
  const explanation = (i: Pick<Issue, 'code' | 'row' | 'col'>): string => {
    const id = issueId(i);
    return explanationEdits().get(id) ?? explanationText().get(id) ?? '';
  };

  let saveInFlight: Promise<boolean> | undefined;

  /** Sends only the changed cells with the current revision; true when the server took them. */
  async function save(): Promise<boolean> {
    // One save at a time: wait for the one out, then send what was typed meanwhile.
    while (saveInFlight) {
      if (!(await saveInFlight)) return false;
    }
    const r = report();
    if (!r || !isDirty()) return true;
    const current = doSave(r);
    saveInFlight = current;
    try {
      return await current;
    } finally {
      if (saveInFlight === current) saveInFlight = undefined;
    }
  }

  async function doSave(r: Report): Promise<boolean> {
    const sent = edits();
    const sentSections = sectionEdits();
    const sentExplanations = explanationEdits();
    const before = { saved: saved(), sections: sectionText(), explanations: explanationText(), verdict: verdict() };
    // Partial: a refused cell must not hold back the valid ones (the server lists it in `rejected`).
    const body = { ...putValuesBody(replayRevision() ?? r.revision, sent, sentSections, sentExplanations), partial: true };
    // Optimistic: the grid shows the edits as saved at once; a refusal puts them back as unsaved.
    batch(() => {
      setSaving(true);
      setSaveError(undefined);
      setInFlight(sent);
      setVerdict(undefined);
      setSaved(merged(before.saved, sent));
      setSectionText(merged(before.sections, sentSections));
      setExplanationText(merged(before.explanations, sentExplanations));
      setEdits(new Map());
      setSectionEdits(new Map());
      setExplanationEdits(new Map());
    });
    try {
      const result = await api.putValues(key.template, key.period, key.unit, body);
      const refused = result.rejected ?? [];
      batch(() => {
        setReport((prev) => (prev ? { ...prev, revision: result.revision } : prev));
        setReplayRevision(undefined);
        // The sent cells now hold the officer's figures on the server: a later edit starts from those.
        setBaseValues((prev) => new Map([...prev].filter(([k]) => !sent.has(k) || edits().has(k))));
        setVerdict(result.issues ?? []);
        setRefusals(refused);
        setRejected(refused);
        if (refused.length > 0) keepRefusedUnsaved(refused, sent, sentSections, before);
        setInFlight(new Map());
        setLastSavedAt(now());
        setSaving(false);
      });
      persistDraft();
      const after = report();
      if (after && options.onSaved) {
        options.onSaved({ ...after, values: [...saved()].map(([k, value]) => ({ row: splitKey(k)[0], col: splitKey(k)[1], value })), issues: verdict() ?? [] });
      }
      return true;
    } catch (e) {
      batch(() => {
        setSaved(before.saved);
        setVerdict(before.verdict);
        setSectionText(before.sections);
        setExplanationText(before.explanations);
        // Edits typed while the save was in flight are newer than the ones sent.
        setEdits((newer) => merged(sent, newer));
        setSectionEdits((newer) => merged(sentSections, newer));
        setExplanationEdits((newer) => merged(sentExplanations, newer));
        setInFlight(new Map());
        setSaving(false);
        setSaveError(e);
        if (e instanceof ApiError && e.status === 409 && e.code === 'stale-revision') setConflict(true);
        if (e instanceof ApiError && e.status === 422) setRefusals(e.issues);
      });
      persistDraft();
      return false;
    }
  }

  /** What the server refused of a save goes back to the unsaved edits, with the stored values as they were. */
  function keepRefusedUnsaved(refused: Issue[], sent: Values, sentSections: ReadonlyMap<string, string>, before: { saved: Values; sections: ReadonlyMap<string, string> }): void {
    const cells = new Set(refused.map((i) => cellKeyOf(i.row, i.col)).filter((k) => sent.has(k)));
    const sections = new Set(refused.filter((i) => i.row === '' && sentSections.has(i.col)).map((i) => i.col));
    const restore = <V,>(now: ReadonlyMap<string, V>, was: ReadonlyMap<string, V>, keys: Set<string>) => {
      const next = new Map(now);
      for (const k of keys) {
        const old = was.get(k);
        if (old === undefined) next.delete(k);
        else next.set(k, old);
      }
      return next;
    };
    setSaved((now) => restore(now, before.saved, cells));
    setSectionText((now) => restore(now, before.sections, sections));
    setEdits((newer) => merged(new Map([...sent].filter(([k]) => cells.has(k))), newer));
    setSectionEdits((newer) => merged(new Map([...sentSections].filter(([k]) => sections.has(k))), newer));
  }

  const errors = () => issues().filter((i) => (i.severity ?? 'error') === 'error');
  const warnings = () => issues().filter((i) => i.severity === 'warning');
  const unexplained = () => warnings().filter((w) => explanation(w).trim() === '');
  /** Required narrative sections (mẫu đề cương) still empty. */
  const missingSections = () => (template()?.sections ?? []).filter((sec) => sec.required && section(sec.key).trim() === '');

  async function submit(): Promise<SubmitOutcome> {
    if (errors().length > 0) return { ok: false, reason: 'errors' };
    if (unexplained().length > 0) return { ok: false, reason: 'explanations' };
    if (missingSections().length > 0) return { ok: false, reason: 'sections' };
    // save() also waits for a save already out, so the server never judges a report still arriving.
    if (!(await save())) return { ok: false, reason: 'save-failed', error: saveError() };
    setSubmitting(true);
    try {
      await api.submit(key.template, key.period, key.unit);
      removeDraft(options.storage, storageKey);
      const fresh = await api.report(key.template, key.period, key.unit).catch(() => undefined);
      if (fresh) adoptReport(fresh);
      return { ok: true };
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setRefusals(e.issues);
      return { ok: false, reason: 'refused', error: e };
    } finally {
      setSubmitting(false);
    }
  }

  return {
    key,
    report,
    template,
    engine,
    loading,
    loadError,
    values,
    full,
    issues,
    errors,
    warnings,
    unexplained,
    missingSections,
    issuesAt: (row: string, col: string): readonly Issue[] => byCell().get(cellKeyOf(row, col)) ?? [],
    isCellDirty: (row: string, col: string) => pendingKeys().has(cellKeyOf(row, col)),
    valueAt: (row: string, col: string) => full().get(cellKeyOf(row, col)),
    canEdit,
    isDirty,
    dirtyCount,
    unsavedCells: () => edits().size,
    unsavedSections: () => sectionEdits().size,
    unsavedExplanations: () => explanationEdits().size,
    unsavedTexts,
    rejected,
    /** No figure entered at all: submitting it asks first. */
    /** No figure typed in any input cell (computed cells may still show other periods' figures). */
    isEmpty: () =>
      [...values()].every(([key, v]) => v === null || v === '' || engine()?.compiled.cell(...splitKey(key))?.kind !== 'input'),
    saving,
    submitting,
    lastSavedAt,
    saveError,
    conflict,
    conflictCells,
    resolveConflict,
    restored,
    dismissRestored: () => setRestored(undefined),
    section,
    explanation,
    load,
    edit,
    setSection,
    setExplanation,
    save,
    submit,
    reloadKeepingEdits,
    openLists,
    addListRow,
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
