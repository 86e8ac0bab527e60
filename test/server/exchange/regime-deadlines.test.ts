// The QCVN 125 regime packet carries a fixed-day deadline beside the working-day ones, with wire names.
import { describe, expect, it } from 'vitest';
import { toWire } from '../../../server/exchange/qcvn125-mapping';
import { regimeBody } from '../../../server/exchange/qcvn125-packets';
import { loadTemplate } from '../../templates/template-files';

describe('regimeBody: deadlines', () => {
  it('gives chinh-quyen-so version 2 the commune in working days and the province on day 5 of the next month', () => {
    const body = regimeBody(loadTemplate('chinh-quyen-so/2.json'));
    expect(body.deadlines).toEqual([
      { level: expect.any(String), workingDays: 2 },
      { level: expect.any(String), dayOfMonth: 5, monthsAfter: 1 },
    ]);
    const wire = toWire(body) as { ThoiHanGui: Record<string, unknown>[] };
    expect(wire.ThoiHanGui[1]).toMatchObject({ NgayTrongThang: 5, SoThangSauKy: 1 });
  });

  it('keeps version 1 in working days only, as before', () => {
    const body = regimeBody(loadTemplate('chinh-quyen-so/1.json'));
    expect(body.deadlines.map((d) => Object.keys(d).sort())).toEqual([['level', 'workingDays'], ['level', 'workingDays'], ['level', 'workingDays']]);
  });
});
