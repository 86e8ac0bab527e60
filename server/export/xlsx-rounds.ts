// What the Excel package says about rounds (issue 11): a form with a preliminary round prints which
// round its figures are, "Số chính thức" or "Số ước", and a sheet whose unit has sent only its estimate
// says so (the official roll-up counts it until the official figures are submitted).
import type { Round } from '../../schema/template';
import { roundsOfPeriod } from '../../domain/periods';
import type { ExportHead } from './export-data';

export const ROUND_LABELS: Record<Round, string> = { official: 'Số chính thức', preliminary: 'Số ước' };

/** Whether the form has a preliminary round in the period, or the package is of one. */
export const hasRounds = (data: Pick<ExportHead, 'template' | 'period' | 'round'>): boolean =>
  data.round !== 'official' || roundsOfPeriod(data.template, data.period.id).includes('preliminary');

export const roundLine = (round: Round): string =>
  round === 'official'
    ? 'Số chính thức; đơn vị chưa gửi số chính thức được tính theo số ước đã gửi.'
    : 'Số ước: tổng hợp từ các báo cáo số ước.';

export const standInLine = 'Đơn vị chưa gửi số chính thức: đây là số ước đã gửi.';
