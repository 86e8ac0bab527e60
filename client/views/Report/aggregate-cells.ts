// The roll-up tab's cells: the server's roll-up as it is, keyed as the grid reads them.
import type { Aggregate, CellValue } from '../../../schema/api';
import { cellKeyOf } from '../../stores/report-store';

export function aggregateCells(aggregate: Aggregate | undefined): Map<string, CellValue> {
  return new Map((aggregate?.values ?? []).map((v) => [cellKeyOf(v.row, v.col), v.value]));
}
