// Starts what the report page needs the moment it opens: the report and its template, and for heads the
// reports of the units that must report for this unit's roll-up.
import { createResource, onCleanup } from 'solid-js';
import type { Me, ReportListItem } from '../../../schema/api';
import type { Api } from '../../api';
import { createEngine } from '../../engine';
import { draftStorage } from '../../offline/idb-drafts';
import { replayWhenOnline } from '../../offline/replay';
import { keepReportOffline } from '../../offline/report-cache';
import { createReportStore, type ReportKey } from '../../stores/report-store';

export function loadReportPage(api: Api, key: ReportKey, me: Me) {
  const drafts = draftStorage();
  const store = createReportStore(api, key, { user: me.username, storage: drafts.storage, storageReady: drafts.ready, onSaved: keepReportOffline, createEngine });
  onCleanup(replayWhenOnline(store, store.load()));
  const mayHaveUnitsBelow = me.role !== 'officer';
  // The units that must report for this unit's roll-up, counted as the roll-up counts them: the unit's own
  // report when its level fills the form, and every reporter below it, parents first.
  const [children, { refetch: refetchChildren, mutate: mutateChildren }] = createResource<ReportListItem[]>(async () =>
    mayHaveUnitsBelow ? await api.reports(key.template, key.period, key.unit) : [],
  );
  return { api, key, me, store, children, refetchChildren, mutateChildren };
}

export type ReportPageData = ReturnType<typeof loadReportPage>;
