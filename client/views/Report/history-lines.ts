// The audit trail of a report as sentences a reader follows: "Sửa ô Hộ tịch × Tổng số: 10 → 12",
// "Gửi báo cáo", "Trả lại: <lý do>", newest first, in Viet Nam time.
import type { AuditEntry, CellValue } from '../../../schema/api';
import type { TemplateFile } from '../../../schema/template';
import { formatDateTime, formatNumber } from '../../format';
import { t } from '../../i18n';

export interface HistoryLine {
  /** dd/mm/yyyy hh:mm in Viet Nam time. */
  time: string;
  username: string;
  /** The server's action code, for styling: create, set-value, set-section, submit, approve, return. */
  action: string;
  what: string;
  /** For a cell: its row code and full column path, as the issues panel names cells. */
  where?: string;
  /** Same save as the line above (same moment, same person): the table shows time and person once. */
  continues: boolean;
}

function valueText(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === '') return t('history.empty');
  return typeof v === 'number' ? formatNumber(v) : `“${v}”`;
}

function describe(e: AuditEntry, file: TemplateFile): Pick<HistoryLine, 'what' | 'where'> {
  switch (e.action) {
    case 'create':
      return { what: t('history.create') };
    case 'set-value': {
      const row = file.rows.find((r) => r.code === e.row);
      const col = file.columns.find((c) => c.key === e.col);
      const cell = `${row?.label ?? e.row ?? ''} × ${col?.label ?? e.col ?? ''}`;
      const path = col ? [...(col.group ?? []), col.label].join(' › ') : (e.col ?? '');
      return {
        what: t('history.setValue', { cell, old: valueText(e.oldValue), new: valueText(e.newValue) }),
        where: t('report.cell', { row: e.row ?? '', col: path }),
      };
    }
    case 'set-section': {
      // The server keeps the section key in the column slot of the entry.
      const section = file.sections?.find((s) => s.key === e.col);
      return { what: t('history.setSection', { section: section?.title ?? e.col ?? '' }) };
    }
    case 'set-explanation': {
      // The server keeps the rule id in the reason slot of the entry.
      const row = file.rows.find((r) => r.code === e.row);
      return { what: t('history.setExplanation', { row: row?.label ?? e.row ?? '', text: valueText(e.newValue) }) };
    }
    case 'submit':
      return { what: t('history.submit') };
    case 'approve':
      return { what: t('history.approve') };
    case 'return':
      return { what: e.reason ? t('history.returnWithReason', { reason: e.reason }) : t('history.return') };
    default:
      return { what: e.action };
  }
}

/** `entries` as the server sends them (oldest first); the lines come newest first. */
export function historyLines(entries: readonly AuditEntry[], file: TemplateFile): HistoryLine[] {
  const newestFirst = [...entries].reverse();
  return newestFirst.map((e, i) => {
    const above = newestFirst[i - 1];
    return {
      time: formatDateTime(e.at),
      username: e.username,
      action: e.action,
      ...describe(e, file),
      continues: !!above && above.at === e.at && above.username === e.username,
    };
  });
}
