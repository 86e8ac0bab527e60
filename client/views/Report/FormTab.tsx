// The unit's own report: toolbar (save, submit), notices, the grid with live totals and checks, the
// issues panel and the narrative sections.
import type { GridApi } from 'ag-grid-community';
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { Dialog } from '../../components/Dialog';
import { notify } from '../../components/Toasts';
import type { Engine } from '../../engine';
import { errorMessage } from '../../errors';
import { formatTime } from '../../format';
import type { GridCellSource, GridRow } from '../../grid/template-columns';
import { t } from '../../i18n';
import type { ReportStore } from '../../stores/report-store';
import { IssuesPanel } from './IssuesPanel';
import { ReportGrid } from './ReportGrid';
import { ReturnDialog } from './ReturnDialog';
import { SectionsPanel } from './SectionsPanel';
import type { WorkflowActions } from './workflow-actions';

export function FormTab(props: { store: ReportStore; engine: Engine; workflow: WorkflowActions }) {
  const s = props.store;
  const [gridApi, setGridApi] = createSignal<GridApi<GridRow>>();
  const [confirming, setConfirming] = createSignal(false);
  const [returning, setReturning] = createSignal(false);
  const [editorProblem, setEditorProblem] = createSignal<string>();

  const file = () => props.engine.file;
  const rowLabel = (code: string) => file().rows.find((r) => r.code === code)?.label ?? code;
  const colLabel = (key: string) => {
    const c = file().columns.find((x) => x.key === key);
    return c ? [...(c.group ?? []), c.label].join(' › ') : key;
  };
  const cellLabel = (row: string, col: string) =>
    t('report.cell', { row: `${row} ${row ? rowLabel(row) : ''}`.trim(), col: col ? colLabel(col) : '' });

  const source: GridCellSource = {
    value: (r, c) => s.valueAt(r, c),
    issues: (r, c) => s.issuesAt(r, c),
    isDirty: (r, c) => s.isCellDirty(r, c),
    canEdit: () => s.canEdit(),
    setValue: (r, c, v) => s.edit(r, c, v),
    onEditorProblem: setEditorProblem,
    label: (key, params) => t(`grid.${key}`, params),
  };

  // Every edit recomputes totals and checks; repaint values, colours and tooltips.
  createEffect(() => {
    s.full();
    s.issues();
    s.canEdit();
    s.dirtyCount();
    s.saving();
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

  async function save() {
    gridApi()?.stopEditing();
    if (!s.isDirty()) return;
    const ok = await s.save();
    if (!ok && !s.conflict()) notify(errorMessage(s.saveError()), 'error');
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
    if (s.errors().length > 0) return notify(t('report.hasErrors'), 'error');
    if (s.unexplained().length > 0) return notify(t('report.needExplanations'), 'error');
    const missing = s.missingSections();
    if (missing.length > 0) return notify(t('report.needSections', { sections: missing.map((x) => x.title).join(', ') }), 'error');
    setConfirming(true);
  }

  async function submit() {
    setConfirming(false);
    const outcome = await s.submit();
    if (outcome.ok) notify(t('report.submitted'), 'success');
    else if (outcome.reason === 'errors') notify(t('report.hasErrors'), 'error');
    else if (outcome.reason === 'explanations') notify(t('report.needExplanations'), 'error');
    else if (outcome.reason === 'sections') notify(t('report.needSections', { sections: s.missingSections().map((x) => x.title).join(', ') }), 'error');
    else if (!s.conflict()) notify(errorMessage(outcome.error), 'error');
  }

  const r = () => s.report()!;

  return (
    <div class="form-tab">
      <Show when={r().status === 'returned' && r().returnReason}>
        <div class="notice notice-warning" role="alert">
          <strong>{t('report.returnReason')}:</strong> {r().returnReason}
        </div>
      </Show>
      <Show when={s.restored()}>
        {(info) => (
          <div class="notice notice-info">
            {t('report.restored', { count: info().count })} {info().stale ? t('report.restoredStale') : ''}
            <button type="button" class="btn-link" onClick={() => s.dismissRestored()}>
              {t('app.close')}
            </button>
          </div>
        )}
      </Show>
      <Show when={s.conflict()}>
        <div class="notice notice-error" role="alert">
          {t('report.conflict')}{' '}
          <button type="button" class="btn btn-small" onClick={() => void s.reloadKeepingEdits()}>
            {t('report.conflictReload')}
          </button>
        </div>
      </Show>
      <Show when={!r().can.edit && (r().status === 'submitted' || r().status === 'approved')}>
        <div class="notice notice-muted">{t('report.readOnly', { status: t(`status.${r().status}`) })}</div>
      </Show>

      <div class="toolbar">
        <Show when={r().can.edit}>
          <button type="button" class="btn btn-primary" disabled={!s.isDirty() || s.saving()} onClick={() => void save()} title="Ctrl+S">
            {s.saving() ? t('report.saving') : t('report.save')}
          </button>
        </Show>
        <Show when={r().can.submit}>
          <button type="button" class="btn btn-success" disabled={s.submitting() || s.saving()} onClick={askSubmit}>
            {s.submitting() ? t('report.submitting') : t('report.submit')}
          </button>
        </Show>
        <Show when={r().can.approve}>
          <button type="button" class="btn btn-success" disabled={props.workflow.busy()} onClick={() => void props.workflow.approve(r().unit.code, r().unit.name)}>
            {t('below.approve')}
          </button>
        </Show>
        <Show when={r().can.return}>
          <button type="button" class="btn btn-danger" disabled={props.workflow.busy()} onClick={() => setReturning(true)}>
            {t('below.return')}
          </button>
        </Show>
        <span class="save-state" aria-live="polite">
          <Show when={s.isDirty()} fallback={<Show when={s.lastSavedAt()}>{(at) => t('report.savedAt', { time: formatTime(at()) })}</Show>}>
            <span class="unsaved-dot" aria-hidden="true" />
            {t('report.unsaved', { count: s.dirtyCount() })}
          </Show>
        </span>
        <Show when={s.issues().length === 0}>
          <span class="ok-line small">✓ {t('report.noIssues')}</span>
        </Show>
        <span class="legend" aria-hidden="true">
          <span class="legend-item legend-input">{t('report.legend.input')}</span>
          <span class="legend-item legend-computed">{t('report.legend.computed')}</span>
          <span class="legend-item legend-disabled">{t('report.legend.disabled')}</span>
        </span>
      </div>

      <Show when={editorProblem()}>
        <div class="editor-problem" role="alert">
          {editorProblem()}
        </div>
      </Show>
      <div class="grid-and-issues">
        <ReportGrid engine={props.engine} source={source} onReady={setGridApi} ariaLabel={file().title} />
        <Show when={s.issues().length > 0}>
          <IssuesPanel store={s} cellLabel={cellLabel} onFocusCell={focusCell} />
        </Show>
      </div>
      <p class="muted small shortcuts">{t('report.shortcuts')}</p>

      <SectionsPanel store={s} sections={file().sections ?? []} />

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
          <p>{t('report.submitConfirm')}</p>
        </Dialog>
      </Show>
      <Show when={returning()}>
        <ReturnDialog
          unitName={r().unit.name}
          busy={props.workflow.busy()}
          onClose={() => setReturning(false)}
          onConfirm={async (reason) => {
            if (await props.workflow.returnReport(r().unit.code, r().unit.name, reason)) setReturning(false);
          }}
        />
      </Show>
    </div>
  );
}
