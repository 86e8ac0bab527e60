// The list of rule results: errors to fix, warnings to explain; a click takes the officer to the cell.
import { For, Show } from 'solid-js';
import type { Issue } from '../../../schema/api';
import { t } from '../../i18n';
import type { ReportStore } from '../../stores/report-store';

export interface IssuesPanelProps {
  store: ReportStore;
  cellLabel: (row: string, col: string) => string;
  onFocusCell: (row: string, col: string) => void;
}

export function IssuesPanel(props: IssuesPanelProps) {
  const item = (issue: Issue) => (
    <li class={`issue issue-${issue.severity ?? 'error'}`}>
      <button type="button" class="issue-link" onClick={() => props.onFocusCell(issue.row, issue.col)}>
        <Show when={issue.row || issue.col}>
          <span class="issue-cell">{props.cellLabel(issue.row, issue.col)}</span>
        </Show>
        <span class="issue-message">{issue.message}</span>
      </button>
      <Show when={issue.severity === 'warning'}>
        <label class="explanation">
          <span class="small">{t('report.explanation')}</span>
          <textarea
            rows={2}
            maxLength={2000}
            placeholder={t('report.explanationPlaceholder')}
            readOnly={!props.store.canEdit()}
            value={props.store.explanation(issue)}
            onInput={(e) => props.store.setExplanation(issue, e.currentTarget.value)}
            classList={{ missing: props.store.canEdit() && props.store.explanation(issue).trim() === '' }}
          />
        </label>
      </Show>
    </li>
  );
  return (
    <aside class="issues-panel" aria-label={t('report.issues')}>
      <h2 class="panel-title">
        {t('report.issues')}
        <Show when={props.store.errors().length > 0}>
          <span class="count count-error">{t('report.errorsCount', { count: props.store.errors().length })}</span>
        </Show>
        <Show when={props.store.warnings().length > 0}>
          <span class="count count-warning">{t('report.warningsCount', { count: props.store.warnings().length })}</span>
        </Show>
      </h2>
      <Show when={props.store.issues().length > 0} fallback={<p class="muted small ok-line">✓ {t('report.noIssues')}</p>}>
        <ul class="issue-list">
          <For each={props.store.errors()}>{item}</For>
          <For each={props.store.warnings()}>{item}</For>
        </ul>
      </Show>
    </aside>
  );
}
