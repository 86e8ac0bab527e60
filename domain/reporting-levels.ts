// Which levels fill a form on a date (Decree 09 Art. 7 "đối tượng thực hiện"): the reform of
// 01/07/2025 removed the district level, so a regime lists its reporters per span of dates.
import type { Level, TemplateFile } from '../schema/template';

export function reportingLevelsOn(file: Pick<TemplateFile, 'regime'>, date: string): Level[] {
  const span = file.regime.reporters.find((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to));
  return span ? [...span.levels] : [];
}
