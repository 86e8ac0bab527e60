// The form header as printed forms have it: form number, title, period window, reporting unit, unit of measure.
import { Show } from 'solid-js';
import type { Report } from '../../../schema/api';
import type { TemplateFile } from '../../../schema/template';
import { LateBadge, StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime } from '../../format';
import { t } from '../../i18n';
import { periodLabel } from '../../period-label';

export function ReportHeader(props: { report: Report; template: TemplateFile }) {
  const r = () => props.report;
  return (
    <header class="form-header">
      <div class="form-header-top">
        <span class="form-number">{props.template.formNumber}</span>
        <span class="form-unit">
          {t('report.reportingUnit')}: <strong>{r().unit.name}</strong> <span class="muted">({r().unit.code})</span>
        </span>
      </div>
      <h1 class="form-title">{props.template.title}</h1>
      <p class="form-period">
        {periodLabel(r().period)} ({t('period.window', { start: formatDate(r().periodStart), end: formatDate(r().periodEnd) })})
      </p>
      <div class="form-meta">
        <StatusBadge status={r().status} />
        <Show when={r().deadline}>
          <span>
            {t('report.deadline')}: <strong>{formatDate(r().deadline)}</strong>{' '}
            {/* The server's verdict (its clock, Viet Nam time), not this computer's clock. */}
            <LateBadge late={r().isLate} />
          </span>
        </Show>
        <Show when={r().submittedAt}>
          <span>
            {t('report.submittedAt')}: {formatDateTime(r().submittedAt)}
          </span>
        </Show>
        <Show when={props.template.unitOfMeasure}>
          <span class="form-uom">{t('report.unitOfMeasure', { unit: props.template.unitOfMeasure! })}</span>
        </Show>
      </div>
    </header>
  );
}
