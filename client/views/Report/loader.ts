// Starts what the report page needs the moment it opens: the report and its template, and for heads the
// reports of the units directly below.
import { createResource } from 'solid-js';
import type { Me, ReportListItem } from '../../../schema/api';
import type { Api } from '../../api';
import { createEngine } from '../../engine';
import { createReportStore, type ReportKey } from '../../stores/report-store';

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadReportPage(api: Api, key: ReportKey, me: Me) {
  const store = createReportStore(api, key, { user: me.username, storage: browserStorage(), createEngine });
  void store.load();
  const mayHaveUnitsBelow = me.role !== 'officer';
  const [children, { refetch: refetchChildren, mutate: mutateChildren }] = createResource<ReportListItem[]>(async () =>
    mayHaveUnitsBelow ? (await api.reports(key.template, key.period)).filter((r) => r.parentCode === key.unit) : [],
  );
  return { api, key, me, store, children, refetchChildren, mutateChildren };
}

export type ReportPageData = ReturnType<typeof loadReportPage>;
