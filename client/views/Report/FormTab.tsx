// The unit's own report: toolbar (save, submit), notices, the grid with live totals and checks, the
// issues panel and the narrative sections.
import type { GridApi } from 'ag-grid-community';
import { createEffect, createSignal, For, onCleanup, onMount, Show, untrack } from 'solid-js';
import { Dialog } from '../../components/Dialog';
import { notify } from '../../components/Toasts';
import type { Engine } from '../../engine';
import { errorMessage } from '../../errors';
import { formatTime } from '../../format';
import type { EntryController } from '../../grid/entry-controller';
import { formatCell, type GridCellSource, type GridRow } from '../../grid/template-columns';
import { locale, t } from '../../i18n';
import type { ReportStore } from '../../stores/report-store';
import { createFetched } from '../../stores/fetched';
import type { Api } from '../../api';
import { IssuesPanel } from './IssuesPanel';
import { CellDialog } from './CellDialog';
import { ChangesPanel, CommentsPanel, createComments, LockNotice } from './ReviewPanels';
import { ReportGrid } from './ReportGrid';
import { ReturnDialog } from './ReturnDialog';
import { SectionsPanel } from './SectionsPanel';
import { TableNotes } from './TableNotes';
import { OpenListRows } from './OpenListRows';
import { ExcelRoundTrip } from './ExcelRoundTrip';
import { ConflictDialog } from '../../offline/ConflictDialog';
import type { WorkflowActions } from './workflow-actions';

export function FormTab(props: { store: ReportStore; engine: Engine; workflow: WorkflowActions; api: Api }) {
  const [gridApi, setGridApi] = createSignal<GridApi<GridRow>>();
  const [confirming, setConfirming] = createSignal(false);
  const [returning, setReturning] = createSignal(false);
  const [editorProblem, setEditorProblem] = createSignal<string>();
  const [entry, setEntry] = createSignal<EntryController>();
  const [openCell, setOpenCell] = createSignal<{ row: string; col: string }>();

  const file = () => props.engine.file;
  const rowLabel = (code: string) => file().rows.find((r) => r.code === code)?.label ?? code;
  const colLabel = (key: string) => {
    const c = file().columns.find((x) => x.key === key);
    return c ? [...(c.group ?? []), c.label].join(' › ') : key;
  };
  const cellLabel = (row: string, col: string) =>
    t('report.cell', { row: `${row} ${row ? rowLabel(row) : ''}`.trim(), col: col ? colLabel(col) : '' });

  const r = () => props.store.report()!;
  const reportKey = () => ({ template: r().template, period: r().period, unit: r().unit.code });
  const api = untrack(() => props.api);
  const comments = createComments(api, reportKey);
  // What differs from the last submission, marked on the cells (a returned report being corrected).
  const [changes] = createFetched(
    () => `${r().template}/${r().period}/${r().unit.code}@${r().revision}`,
    () => untrack(() => api.changes(r().template, r().period, r().unit.code)),
  );
  const keyOf = (row: string, col: string) => `${row}|${col}`;
  const commented = () => new Set(comments.list().flatMap((c) => (c.row !== undefined && c.col !== undefined ? [keyOf(c.row, c.col)] : [])));
  const changed = () => new Set((changes() ?? []).map((c) => keyOf(c.row, c.col)));

  const source: GridCellSource = {
    value: (r, c) => props.store.valueAt(r, c),
    issues: (r, c) => props.store.issuesAt(r, c),
    isDirty: (r, c) => props.store.isCellDirty(r, c),
    canEdit: () => props.store.canEdit(),
    setValue: (r, c, v) => props.store.edit(r, c, v),
    onEditorProblem: setEditorProblem,
    label: (key, params) => t(`grid.${key}`, params),
    hasComment: (r, c) => commented().has(keyOf(r, c)),
    isChanged: (r, c) => changed().has(keyOf(r, c)),
  };

  /** The states of a cell in words, for its dialog. */
  function cellStates(row: string, col: string): string[] {
    const kind = props.engine.cell(row, col)?.kind ?? 'disabled';
    const issues = props.store.issuesAt(row, col);
    return [
      t(`cell.state.${kind}`),
      ...(kind === 'input' ? [props.store.isCellDirty(row, col) ? t('cell.state.unsaved') : t('cell.state.saved')] : []),
      ...issues.map((i) => i.message),
      ...(changed().has(keyOf(row, col)) ? [t('cell.state.changed')] : []),
    ];
  }

  // Every edit recomputes totals and checks; repaint values, colours and tooltips.
  createEffect(() => {
    props.store.full();
    props.store.issues();
    props.store.canEdit();
    props.store.dirtyCount();
    props.store.saving();
    commented();
    changed();
    locale();
    gridApi()?.refreshCells({ force: true });
  });

  function focusCell(row: string, col: string) {
    const api = gridApi();
    const node = api?.getRowNode(row);
    if (!api || !node || node.rowIndex === null) return;
    api.ensureIndexVisible(node.rowIndex, 'middle');
    if (col) {
      api.ensureColumnVisible(col, 'auto');
      api.setFocusedCell(node.rowIndex, col);
    }
  }

  /** Adds a row to an open list and takes the keyboard to its first input cell, once the grid shows it. */
  function addListRow(code: string) {
    gridApi()?.stopEditing();
    const row = props.store.addListRow(code);
    if (!row) return;
    const col = file().columns.find((c) => props.engine.cell(row, c.key)?.kind === 'input')?.key;
    requestAnimationFrame(() => focusCell(row, col ?? ''));
  }

  async function save() {
    gridApi()?.stopEditing();
    if (!props.store.isDirty()) return;
    // A refusal shows as a notice above the toolbar (saveError), which stays until a save goes through.
    await props.store.save();
  }

  function onKeyDown(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  }
  onMount(() => window.addEventListener('keydown', onKeyDown));
  onCleanup(() => window.removeEventListener('keydown', onKeyDown));

  function askSubmit() {
    gridApi()?.stopEditing();
    if (props.store.errors().length > 0) return notify(t('report.hasErrors'), 'error');
    if (props.store.unexplained().length > 0) return notify(t('report.needExplanations'), 'error');
    const missing = props.store.missingSections();
    if (missing.length > 0) return notify(t('report.needSections', { sections: missing.map((x) => x.title).join(', ') }), 'error');
    setConfirming(true);
  }

  async function submit() {
    setConfirming(false);
    const outcome = await props.store.submit();
    if (outcome.ok) notify(t('report.submitted'), 'success');
    else if (outcome.reason === 'errors') notify(t('report.hasErrors'), 'error');
    else if (outcome.reason === 'explanations') notify(t('report.needExplanations'), 'error');
    else if (outcome.reason === 'sections') notify(t('report.needSections', { sections: props.store.missingSections().map((x) => x.title).join(', ') }), 'error');
    // A failed save shows in the notice above the toolbar; a conflict in its own.
    else if (outcome.reason === 'refused' && !props.store.conflict()) notify(errorMessage(outcome.error), 'error');
  }

  /** "2 ô chưa lưu", "1 mục chưa lưu", "1 ô và 1 giải trình chưa lưu": a narrative section is not a cell. */
  const unsavedText = () => {
    const parts = (
      [
        ['first.unsaved.cells', props.store.unsavedCells()],
        ['first.unsaved.sections', props.store.unsavedSections()],
        ['first.unsaved.explanations', props.store.unsavedExplanations()],
      ] as const
    ).flatMap(([key, count]) => (count > 0 ? [t(key, { count })] : []));
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${t('first.unsaved.and')} ${parts.at(-1)}` : (parts[0] ?? '');
    return t('first.unsaved', { list });
  };

  const decides = () => r().can.approve || r().can.return;

  async function confirmReturn(reason: string) {
    if (await props.workflow.returnReport(r().unit.code, r().unit.name, reason)) setReturning(false);
  }

  return (
    <div class="form-tab">
      <Show when={r().status === 'returned' && r().returnReason}>
        <div class="notice notice-warning" role="alert">
          <strong>{t('report.returnReason')}:</strong> {r().returnReason}
        </div>
      </Show>
      <LockNotice report={r()} />
      <Show when={props.store.restored()}>
        {(info) => (
          <div class="notice notice-info">
            {t('report.restored', { count: info().count })} {info().stale ? t('report.restoredStale') : ''}
            <button type="button" class="btn-link" onClick={() => props.store.dismissRestored()}>
              {t('app.close')}
            </button>
          </div>
        )}
      </Show>
      <Show when={props.store.conflict()}>
        <div class="notice notice-error" role="alert">
          {t('report.conflict')}{' '}
          <button type="button" class="btn btn-small" onClick={() => void props.store.reloadKeepingEdits()}>
            {t('report.conflictReload')}
          </button>
        </div>
      </Show>
      <Show when={props.store.rejected().length > 0}>
        <div class="notice notice-error save-rejected" role="alert">
          {t('first.rejected', { count: props.store.rejected().length })}
          <ul>
            <For each={props.store.rejected()}>{(issue) => <li>{issue.message}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={props.store.saveError() && !props.store.conflict()}>
        <div class="notice notice-error save-error" role="alert">
          {t('report.saveFailed', { message: errorMessage(props.store.saveError()) })}
        </div>
      </Show>
      <Show when={decides()}>
        <div class="notice notice-info decision-bar">
          <span>{t(r().status === 'submitted' ? 'report.awaitingDecision' : 'report.approvedMayReturn', { unit: r().unit.name })}</span>
          <span class="decision-actions">
            <Show when={r().can.approve}>
              <button type="button" class="btn btn-success" disabled={props.workflow.busy()} onClick={() => void props.workflow.approve(r().unit.code, r().unit.name)}>
                {t('below.approve')}
              </button>
            </Show>
            <Show when={r().can.return}>
              <button type="button" class="btn btn-danger" disabled={props.workflow.busy()} onClick={() => setReturning(true)}>
                {r().status === 'approved' ? t('review.reopen') : t('below.return')}
              </button>
            </Show>
          </span>
        </div>
        <ChangesPanel api={props.api} reportKey={reportKey()} revision={r().revision} label={cellLabel} />
      </Show>
      <Show when={!decides() && !r().can.edit}>
        <div class="notice notice-muted">
          {t(r().status === 'submitted' || r().status === 'approved' ? 'report.readOnly' : 'report.readOnlyNotSent', { status: t(`status.${r().status}`) })}
        </div>
      </Show>

      <div class="toolbar">
        <Show when={r().can.edit}>
          <button type="button" class="btn btn-primary" disabled={!props.store.isDirty() || props.store.saving()} onClick={() => void save()} title="Ctrl+S">
            {props.store.saving() ? t('report.saving') : t('report.save')}
          </button>
        </Show>
        <Show when={r().can.submit}>
          <button type="button" class="btn btn-success" disabled={props.store.submitting() || props.store.saving()} onClick={askSubmit}>
            {props.store.submitting() ? t('report.submitting') : t('report.submit')}
          </button>
        </Show>
        <Show when={r().can.edit}>
          <span class="entry-buttons">
            <button type="button" class="btn btn-small" disabled={!entry()?.canUndo()} onClick={() => entry()?.undo()} title="Ctrl+Z" aria-label={t('grid.undo')}>
              ↶ {t('grid.undo')}
            </button>
            <button type="button" class="btn btn-small" disabled={!entry()?.canRedo()} onClick={() => entry()?.redo()} title="Ctrl+Y" aria-label={t('grid.redo')}>
              ↷ {t('grid.redo')}
            </button>
          </span>
        </Show>
        <span class="save-state" aria-live="polite">
          <Show when={props.store.isDirty()} fallback={<Show when={props.store.lastSavedAt()}>{(at) => t('report.savedAt', { time: formatTime(at()) })}</Show>}>
            <span class="unsaved-dot" aria-hidden="true" />
            {unsavedText()}
          </Show>
        </span>
        <Show when={props.store.issues().length === 0}>
          <span class="ok-line small">✓ {t('report.noIssues')}</span>
        </Show>
        <ExcelRoundTrip
          api={props.api}
          reportKey={reportKey()}
          file={file()}
          canUpload={r().can.edit}
          revision={() => props.store.report()?.revision}
          onSaved={() => void props.store.reloadKeepingEdits()}
        />
        <span class="legend" aria-hidden="true">
          <span class="legend-item legend-input">{t('report.legend.input')}</span>
          <span class="legend-item legend-dirty">{t('report.legend.unsaved')}</span>
          <span class="legend-item legend-error">{t('report.legend.error')}</span>
          <span class="legend-item legend-warning">{t('report.legend.warning')}</span>
          <span class="legend-item legend-computed">{t('report.legend.computed')}</span>
          <span class="legend-item legend-disabled">{t('report.legend.disabled')}</span>
          <span class="legend-item legend-commented">{t('report.legend.commented')}</span>
          <span class="legend-item legend-changed">{t('report.legend.changed')}</span>
        </span>
      </div>

      <Show when={editorProblem()}>
        <div class="editor-problem" role="alert">
          {editorProblem()}
        </div>
      </Show>
      <div class="grid-and-issues">
        <ReportGrid
          engine={props.engine}
          source={source}
          onReady={setGridApi}
          onEntry={setEntry}
          onOpenCell={(row, col) => setOpenCell({ row, col })}
          cellLabel={cellLabel}
          ariaLabel={file().title}
        />
        <Show when={props.store.issues().length > 0}>
          <IssuesPanel store={props.store} cellLabel={cellLabel} onFocusCell={focusCell} />
        </Show>
      </div>
      <OpenListRows lists={props.store.openLists()} canEdit={r().can.edit} onAdd={addListRow} />
      <TableNotes notes={file().notes} />
      <p class="muted small shortcuts">{t('report.shortcuts')}</p>

      <SectionsPanel store={props.store} sections={file().sections ?? []} />
      <CommentsPanel api={props.api} reportKey={reportKey()} canComment={r().can.comment} label={cellLabel} comments={comments} />
      <Show when={openCell()}>
        {(at) => (
          <CellDialog
            api={props.api}
            reportKey={reportKey()}
            file={file()}
            row={at().row}
            col={at().col}
            title={cellLabel(at().row, at().col)}
            shown={formatCell(props.engine.cell(at().row, at().col), props.store.valueAt(at().row, at().col))}
            states={cellStates(at().row, at().col)}
            comments={comments.list()}
            canComment={r().can.comment}
            onAdded={comments.added}
            onClose={() => {
              const { row, col } = at();
              setOpenCell(undefined);
              focusCell(row, col);
            }}
          />
        )}
      </Show>

      <Show when={confirming()}>
        <Dialog
          title={t('report.submitConfirmTitle')}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" class="btn" onClick={() => setConfirming(false)}>
                {t('app.cancel')}
              </button>
              <button type="button" class="btn btn-success" onClick={() => void submit()}>
                {t('report.submit')}
              </button>
            </>
          }
        >
          <Show when={props.store.isEmpty()}>
            <p class="notice notice-warning empty-warning">{t('first.emptyWarning')}</p>
          </Show>
          <p>{t('report.submitConfirm')}</p>
        </Dialog>
      </Show>
      <Show when={props.store.conflictCells().length > 0}>
        <ConflictDialog store={props.store} cellLabel={cellLabel} />
      </Show>
      <Show when={returning()}>
        <ReturnDialog
          unitName={r().unit.name}
          busy={props.workflow.busy()}
          onClose={() => setReturning(false)}
          onConfirm={(reason) => void confirmReturn(reason)}
        />
      </Show>
    </div>
  );
}
