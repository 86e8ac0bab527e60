// An admin's preview of a template version for a chosen period, before it is put in force: the grid with
// its lists written out for that period's hierarchy, the rules as officers will read them, the deadline
// of each level and who reports.
import { createMemo, createResource, createSignal, For, Show, untrack } from 'solid-js';
import type { TemplatePreview as Preview } from '../../../schema/api';
import type { Api } from '../../api';
import { ErrorBox, Loading } from '../../components/LoadState';
import { createEngine } from '../../engine';
import { formatDate } from '../../format';
import type { GridCellSource } from '../../grid/template-columns';
import { t } from '../../i18n';
import { ReportGrid } from '../Report/ReportGrid';
import { TableNotes } from '../Report/TableNotes';

export function TemplatePreview(props: { api: Api; id: string; version: number; firstPeriod: string; onClose: () => void }) {
  // The first period shown is the version's own first one; the admin then picks another.
  const first = untrack(() => props.firstPeriod);
  const [period, setPeriod] = createSignal(first);
  const [draft, setDraft] = createSignal(first);
  const [preview, { refetch }] = createResource(
    () => ({ api: props.api, id: props.id, version: props.version, period: period() }),
    ({ api, id, version, period }) => api.templatePreview(id, version, period),
  );
  return (
    <section class="template-preview" aria-label={t('preview.title', { id: props.id, version: props.version })}>
      <div class="toolbar">
        <h3 class="section-heading">{t('preview.title', { id: props.id, version: props.version })}</h3>
        <form
          class="preview-period"
          onSubmit={(e) => {
            e.preventDefault();
            setPeriod(draft().trim());
          }}
        >
          <label>
            {t('preview.period')} <input name="period" value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} size={8} />
          </label>
          <button type="submit" class="button">
            {t('preview.show')}
          </button>
        </form>
        <button type="button" class="button secondary" onClick={() => props.onClose()}>
          {t('preview.close')}
        </button>
      </div>
      <Show when={!preview.loading} fallback={<Loading />}>
        <Show when={!preview.error} fallback={<ErrorBox error={preview.error} onRetry={() => void refetch()} />}>
          <Show when={preview()}>{(p) => <PreviewBody preview={p()} />}</Show>
        </Show>
      </Show>
    </section>
  );
}

function PreviewBody(props: { preview: Preview }) {
  const engine = createMemo(() => createEngine(props.preview.template, props.preview.period.id));
  const source: GridCellSource = {
    value: () => undefined,
    issues: () => [],
    isDirty: () => false,
    canEdit: () => false,
    setValue: () => undefined,
    label: (k, params) => t(`grid.${k}`, params),
  };
  const p = () => props.preview;
  return (
    <div class="preview-body">
      <p data-testid="preview-status">
        <strong>{p().period.label}</strong> ({formatDate(p().period.start)} – {formatDate(p().period.end)}){' · '}
        {p().inForce ? t('preview.inForce') : t('preview.notInForce')}
      </p>
      <p class="small">{t('preview.reporters', { units: p().reporters.units, agencies: p().reporters.agencies })}</p>
      <table class="table preview-deadlines" data-testid="preview-deadlines">
        <thead>
          <tr>
            <th>{t('preview.level')}</th>
            <th>{t('preview.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={Object.entries(p().deadlines)}>
            {([level, date]) => (
              <tr>
                <td>{t(`level.${level as 'commune'}`)}</td>
                <td>{date ? formatDate(date) : ''}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <ReportGrid engine={engine()} source={source} readOnly ariaLabel={p().template.title} class="report-grid preview-grid" />
      <TableNotes notes={p().template.notes} />
      <h4>{t('preview.rules')}</h4>
      <ul class="preview-rules small" data-testid="preview-rules">
        <For each={p().rules}>
          {(r) => (
            <li>
              <span class={r.severity === 'error' ? 'badge badge-error' : 'badge badge-warning'}>{t(`preview.severity.${r.severity}`)}</span> <code>{r.id}</code>: {r.text}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
