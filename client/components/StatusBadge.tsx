// The status of a report as a coloured badge, the same everywhere.
import { Show } from 'solid-js';
import type { ReportStatus } from '../../schema/api';
import { t } from '../i18n';

export function StatusBadge(props: { status: ReportStatus }) {
  return <span class={`badge badge-${props.status}`}>{t(`status.${props.status}`)}</span>;
}

export function LateBadge(props: { late: boolean }) {
  return (
    <Show when={props.late}>
      <span class="badge badge-late">{t('late')}</span>
    </Show>
  );
}
