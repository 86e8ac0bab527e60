import { describe, expect, it } from 'vitest';
import { indexHistory, pastOn } from '../../../domain/unit-succession';

// 1 Vĩnh Trại (old 05977), 2 Đông Kinh (old 05980), 3 Bính Xá, 4 Đông Kinh (new 05977), 5 Kiên Mộc (new),
// 6 a renamed successor of 4 from 2026.
const history = indexHistory(
  [
    { id: 1, validFrom: '2020-01-01', validTo: '2025-06-30' },
    { id: 2, validFrom: '2020-01-01', validTo: '2025-06-30' },
    { id: 3, validFrom: '2020-01-01', validTo: '2025-06-30' },
    { id: 4, validFrom: '2025-07-01', validTo: '2025-12-31' },
    { id: 5, validFrom: '2025-07-01', validTo: null },
    { id: 6, validFrom: '2026-01-01', validTo: null },
  ],
  [
    { predecessorId: 1, successorId: 4, share: 'full' },
    { predecessorId: 2, successorId: 4, share: 'full' },
    { predecessorId: 3, successorId: 5, share: 'partial' },
    { predecessorId: 4, successorId: 6, share: 'full' },
  ],
);

describe('pastOn: where a unit\'s figures on an earlier date come from', () => {
  it('is the unit itself while it is in force', () => {
    expect(pastOn(history, 4, '2025-09-14')).toEqual({ sources: [4], incomplete: false, leftOut: [] });
  });

  it('is its predecessors in force then, followed back through several reorganisations', () => {
    expect(pastOn(history, 4, '2024-09-14')).toEqual({ sources: [1, 2], incomplete: false, leftOut: [] });
    expect(pastOn(history, 6, '2024-09-14')).toEqual({ sources: [1, 2], incomplete: false, leftOut: [] });
    expect(pastOn(history, 6, '2025-09-14')).toEqual({ sources: [4], incomplete: false, leftOut: [] });
  });

  it('leaves out a predecessor absorbed only in part and says the past is incomplete', () => {
    expect(pastOn(history, 5, '2024-09-14')).toEqual({ sources: [], incomplete: true, leftOut: [3] });
  });

  it('has no past before a unit without predecessors existed, and none after it closed', () => {
    expect(pastOn(history, 1, '2019-12-31').sources).toEqual([]);
    expect(pastOn(history, 1, '2025-09-14').sources).toEqual([]);
  });
});
