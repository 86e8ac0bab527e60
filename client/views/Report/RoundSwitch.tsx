// The rounds of a report whose form has a preliminary one (issue 11): Số ước and Số chính thức side by
// side, each with its deadline and status, the one on screen marked; each is its own report and address.
import { For, Show } from 'solid-js';
import type { Report } from '../../../schema/api';
import type { Round } from '../../../schema/template';
import { LateBadge, StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { t } from '../../i18n';

export function RoundSwitch(props: { report: Report; href: (round: Round) => string }) {
  return (
    <Show when={props.report.rounds.length > 1}>
      <nav class="round-switch" aria-label={t('report.rounds')}>
        <For each={props.report.rounds}>
          {(r) => (
            <a class="round" classList={{ active: r.round === props.report.round }} aria-current={r.round === props.report.round ? 'page' : undefined} href={props.href(r.round)} data-round={r.round}>
              <strong>{t(`report.round.${r.round}`)}</strong>
              <span class="round-deadline">
                {t('report.deadline')}: {r.deadline ? formatDate(r.deadline) : '—'} <LateBadge late={r.isLate} />
              </span>
              <StatusBadge status={r.status} />
            </a>
          )}
        </For>
      </nav>
    </Show>
  );
}
