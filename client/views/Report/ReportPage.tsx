// The report page: header, then tabs: the unit's own form, its history and, for heads of units with units
// below, the list of those units and the roll-up.
import { createMemo, For, lazy, Match, Show, Suspense, Switch, untrack } from 'solid-js';
import type { Me } from '../../../schema/api';
import type { Api } from '../../api';
import { ErrorBox, Loading } from '../../components/LoadState';
import { t } from '../../i18n';
import { hrefFor, type ReportTab, type Route } from '../../router';
import { FormTab } from './FormTab';
import { loadReportPage } from './loader';
import { ReportHeader } from './ReportHeader';
import { RoundSwitch } from './RoundSwitch';
import { createWorkflowActions } from './workflow-actions';

// What the form does not need comes when its tab is first opened: on a weak link the form is usable
// sooner, and an officer who only fills the form never downloads the rest.
const BelowTab = lazy(() => import('./BelowTab').then((m) => ({ default: m.BelowTab })));
const AggregateTab = lazy(() => import('./AggregateTab').then((m) => ({ default: m.AggregateTab })));
const HistoryTab = lazy(() => import('./HistoryTab').then((m) => ({ default: m.HistoryTab })));

export interface ReportPageProps {
  api: Api;
  me: Me;
  route: Extract<Route, { name: 'report' }>;
  navigate: (to: Route, options?: { replace?: boolean }) => void;
}

export default function ReportPage(props: ReportPageProps) {
  // The app builds a fresh page for each report (a keyed <Match>), so the report, the api and the user
  // are fixed for the page's life: read once, on purpose, to start the loaders.
  const { data, workflow } = untrack(() => {
    const key = { template: props.route.template, period: props.route.period, unit: props.route.unit, ...(props.route.round ? { round: props.route.round } : {}) };
    // Every call of this page is about the round the address names (issue 11).
    const api = key.round ? props.api.forRound(key.round) : props.api;
    const data = loadReportPage(api, key, props.me);
    const workflow = createWorkflowActions(api, key, {
      children: () => data.children(),
      setChildren: (list) => data.mutateChildren(list),
      onChanged: (unit) => {
        void data.refetchChildren();
        if (unit === key.unit) void data.store.reloadKeepingEdits();
      },
    });
    return { data, workflow };
  });
  const store = data.store;

  const hasBelow = () => (data.children() ?? []).some((c) => c.parentCode === data.key.unit);
  const tabs = createMemo<ReportTab[]>(() => (hasBelow() ? ['form', 'below', 'aggregate', 'history'] : ['form', 'history']));
  const tab = createMemo<ReportTab>(() => {
    const asked = props.route.tab;
    if (asked === 'below' || asked === 'aggregate') return hasBelow() || data.children.loading ? asked : 'form';
    if (asked) return asked;
    return hasBelow() && props.me.unit?.code === data.key.unit ? 'below' : 'form';
  });
  // Waiting for this head: the units directly below, and the unit's own report when it is the top unit.
  const waiting = () =>
    data.children()?.filter((c) => c.status === 'submitted' && (c.parentCode === data.key.unit || (c.unitCode === data.key.unit && c.parentCode === null))).length ?? 0;

  return (
    <main class="page report-page">
      <nav class="breadcrumb">
        <a href={hrefFor({ name: 'worklist' })}>← {t('worklist.title')}</a>
      </nav>
      <Show when={!store.loadError()} fallback={<ErrorBox error={store.loadError()} onRetry={() => void store.load()} />}>
        <Show when={store.report() && store.template() && store.engine()} fallback={<Loading />}>
          <ReportHeader report={store.report()!} template={store.template()!} />
          <RoundSwitch report={store.report()!} href={(round) => hrefFor({ ...props.route, round: round === 'preliminary' ? round : undefined })} />
          <div class="tabs" role="tablist">
            <For each={tabs()}>
              {(name) => (
                <a
                  role="tab"
                  class="tab"
                  classList={{ active: tab() === name }}
                  aria-selected={tab() === name}
                  href={hrefFor({ ...props.route, tab: name })}
                  onClick={(e) => {
                    e.preventDefault();
                    props.navigate({ ...props.route, tab: name }, { replace: true });
                  }}
                >
                  {t(`report.tab.${name}`)}
                  <Show when={name === 'below' && waiting() > 0}>
                    <span class="tab-count" title={t('report.tab.waiting', { count: waiting() })}>
                      {waiting()}
                    </span>
                  </Show>
                </a>
              )}
            </For>
          </div>
          <Suspense fallback={<Loading />}>
          <Switch>
            <Match when={tab() === 'form'}>
              <FormTab store={store} engine={store.engine()!} workflow={workflow} api={data.api} />
            </Match>
            <Match when={tab() === 'below'}>
              <BelowTab data={data} workflow={workflow} />
            </Match>
            <Match when={tab() === 'aggregate'}>
              <AggregateTab data={data} engine={store.engine()!} />
            </Match>
            <Match when={tab() === 'history'}>
              <HistoryTab data={data} file={store.template()!} />
            </Match>
          </Switch>
          </Suspense>
        </Show>
      </Show>
    </main>
  );
}
