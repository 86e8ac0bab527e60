// The report page: header, then the unit's own form and, for heads of units with units below, the
// list of those units and the roll-up.
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import type { Me } from '../../../schema/api';
import type { Api } from '../../api';
import { ErrorBox, Loading } from '../../components/LoadState';
import { t } from '../../i18n';
import { hrefFor, type ReportTab, type Route } from '../../router';
import { AggregateTab } from './AggregateTab';
import { BelowTab } from './BelowTab';
import { FormTab } from './FormTab';
import { loadReportPage } from './loader';
import { ReportHeader } from './ReportHeader';
import { createWorkflowActions } from './workflow-actions';

export interface ReportPageProps {
  api: Api;
  me: Me;
  route: Extract<Route, { name: 'report' }>;
  navigate: (to: Route, options?: { replace?: boolean }) => void;
}

export default function ReportPage(props: ReportPageProps) {
  const key = { template: props.route.template, period: props.route.period, unit: props.route.unit };
  const data = loadReportPage(props.api, key, props.me);
  const store = data.store;
  const workflow = createWorkflowActions(props.api, key, {
    children: () => data.children(),
    setChildren: (list) => data.mutateChildren(list),
    onChanged: (unit) => {
      void data.refetchChildren();
      if (unit === key.unit) void store.reloadKeepingEdits();
    },
  });

  const hasBelow = () => (data.children()?.length ?? 0) > 0;
  const tab = createMemo<ReportTab>(() => {
    const asked = props.route.tab;
    if (asked && asked !== 'form' && hasBelow()) return asked;
    if (asked) return 'form';
    return hasBelow() && props.me.unit?.code === key.unit ? 'below' : 'form';
  });
  const tabs: ReportTab[] = ['form', 'below', 'aggregate'];

  return (
    <main class="page report-page">
      <nav class="breadcrumb">
        <a href={hrefFor({ name: 'worklist' })}>← {t('worklist.title')}</a>
      </nav>
      <Show when={!store.loadError()} fallback={<ErrorBox error={store.loadError()} onRetry={() => void store.load()} />}>
        <Show when={store.report() && store.template() && store.engine()} fallback={<Loading />}>
          <ReportHeader report={store.report()!} template={store.template()!} />
          <Show when={hasBelow()}>
            <div class="tabs" role="tablist">
              <For each={tabs}>
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
                    <Show when={name === 'below'}>
                      <span class="tab-count">{data.children()?.filter((c) => c.status === 'submitted').length || ''}</span>
                    </Show>
                  </a>
                )}
              </For>
            </div>
          </Show>
          <Switch>
            <Match when={tab() === 'form'}>
              <FormTab store={store} engine={store.engine()!} workflow={workflow} />
            </Match>
            <Match when={tab() === 'below'}>
              <BelowTab data={data} workflow={workflow} />
            </Match>
            <Match when={tab() === 'aggregate'}>
              <AggregateTab data={data} engine={store.engine()!} />
            </Match>
          </Switch>
        </Show>
      </Show>
    </main>
  );
}
