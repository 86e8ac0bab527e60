// "Tổng hợp": the unit's subtree rolled up, read-only in the same grid, with completeness and the Excel package.
// The grid shows the server's roll-up cell for cell, computed cells included (domain/rollup/compute.ts),
// the very figures the Excel package prints: nothing is recomputed here.
import type { GridApi } from 'ag-grid-community';
import { createEffect, createMemo, createResource, createSignal, Show } from 'solid-js';
import { ErrorBox, Loading } from '../../components/LoadState';
import { createEngine, type Engine } from '../../engine';
import type { GridCellSource, GridRow } from '../../grid/template-columns';
import { t } from '../../i18n';
import { cellKeyOf } from '../../stores/report-store';
import { aggregateCells } from './aggregate-cells';
import type { ReportPageData } from './loader';
import { ReportGrid } from './ReportGrid';

export function AggregateTab(props: { data: ReportPageData; engine: Engine }) {
  const [include, setInclude] = createSignal<'approved' | 'submitted'>('approved');
  // The source names everything the roll-up depends on, so the fetcher reads no props.
  const [aggregate, { refetch }] = createResource(
    () => ({ api: props.data.api, key: props.data.key, include: include() }),
    ({ api, key, include }) => api.aggregate(key.template, key.period, key.unit, include),
  );
  // Downloads carry the choice on screen, so the file's figures are the ones shown.
  const exportHref = (format: 'xlsx' | 'json') => {
    const { api, key } = props.data;
    return api.exportUrl(key.template, key.period, key.unit, format, include());
  };

  const values = createMemo(() => aggregateCells(aggregate()));
  // Generated lists show the unit's own row in its report; the roll-up lists every unit in force.
  const [rollupEngine] = createResource(
    () => ({ api: props.data.api, key: props.data.key, engine: props.engine }),
    async ({ api, key, engine }) => {
      if (!engine.file.rows.some((r) => r.list)) return engine;
      const file = await api.templateVersion(engine.file.id, engine.file.version, { period: key.period });
      return createEngine(file, key.period);
    },
  );
  const gridEngine = () => rollupEngine() ?? props.engine;

  const [gridApi, setGridApi] = createSignal<GridApi<GridRow>>();
  createEffect(() => {
    values();
    gridApi()?.refreshCells({ force: true });
  });

  const source: GridCellSource = {
    value: (r, c) => values().get(cellKeyOf(r, c)),
    issues: () => [],
    isDirty: () => false,
    canEdit: () => false,
    setValue: () => undefined,
    label: (k, params) => t(`grid.${k}`, params),
  };

  return (
    <section class="aggregate-tab">
      <div class="toolbar">
        <fieldset class="segmented" aria-label={t('aggregate.include')}>
          <legend class="small muted">{t('aggregate.include')}</legend>
          <label classList={{ active: include() === 'approved' }}>
            <input type="radio" name="include" value="approved" checked={include() === 'approved'} onChange={() => setInclude('approved')} />
            {t('aggregate.approvedOnly')}
          </label>
          <label classList={{ active: include() === 'submitted' }}>
            <input type="radio" name="include" value="submitted" checked={include() === 'submitted'} onChange={() => setInclude('submitted')} />
            {t('aggregate.withSubmitted')}
          </label>
        </fieldset>
        <Show when={aggregate()?.completeness}>
          {(c) => (
            <dl class="completeness">
              <div>
                <dt>{t('aggregate.expected')}</dt>
                <dd>{c().expected}</dd>
              </div>
              <div>
                <dt>{t('aggregate.submitted')}</dt>
                <dd>{c().submitted}</dd>
              </div>
              <div>
                <dt>{t('aggregate.approved')}</dt>
                <dd>{c().approved}</dd>
              </div>
              <div>
                <dt>{t('aggregate.onTime')}</dt>
                <dd>{c().onTime}</dd>
              </div>
            </dl>
          )}
        </Show>
        <a class="btn btn-primary download" href={exportHref('xlsx')} download="">
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 1v9m0 0 3.5-3.5M8 10 4.5 6.5M2 12v2h12v-2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          {t('aggregate.download')}
        </a>
        <a class="btn download" href={exportHref('json')} download="">
          {t('first.downloadJson')}
        </a>
      </div>
      <Show when={(aggregate()?.incompletePast.length ?? 0) > 0}>
        <p class="small muted incomplete-past" role="note">
          {t('aggregate.incompletePast', { periods: aggregate()!.incompletePast.join(', ') })}
        </p>
      </Show>
      <Show when={!aggregate.error} fallback={<ErrorBox error={aggregate.error} onRetry={() => void refetch()} />}>
        <Show when={aggregate()} fallback={<Loading />}>
          <div class="grid-and-issues">
            <ReportGrid engine={gridEngine()} source={source} readOnly onReady={setGridApi} ariaLabel={t('report.tab.aggregate')} class="report-grid aggregate-grid" />
          </div>
        </Show>
      </Show>
    </section>
  );
}
