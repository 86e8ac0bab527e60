// A unit's past across reorganisations (the 2025 reform above all): which unit versions in force on an
// earlier date its figures come from, following the successions ("Sáp nhập từ") back in time.
// 05977 is Phường Đông Kinh from 01/07/2025; its past is Vĩnh Trại (the old 05977), Đông Kinh (05980),
// Mai Pha (05992) and Yên Trạch (06247), not whatever held the code 05977 before.

export interface UnitSpan {
  id: number;
  validFrom: string;
  /** Inclusive; null while in force. */
  validTo: string | null;
}

export interface Succession {
  predecessorId: number;
  successorId: number;
  /** 'partial': only part of the predecessor went into the successor (a commune split between two). */
  share: 'full' | 'partial';
}

export interface UnitPast {
  /** Unit versions in force on the date whose figures add up to the unit's. */
  sources: number[];
  /**
   * Some predecessor was absorbed only in part: its figures are left out (its parts are not known),
   * so the sum covers less than the unit's territory.
   */
  incomplete: boolean;
  /** The predecessors left out for that reason, in force on the date. */
  leftOut: number[];
}

const inForce = (u: UnitSpan, date: string) => u.validFrom <= date && (u.validTo === null || date <= u.validTo);

export interface UnitHistoryIndex {
  unit(id: number): UnitSpan | undefined;
  /** Successions into a unit. */
  predecessorsOf(id: number): readonly Succession[];
}

export function indexHistory(units: readonly UnitSpan[], successions: readonly Succession[]): UnitHistoryIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const into = new Map<number, Succession[]>();
  for (const s of successions) into.set(s.successorId, [...(into.get(s.successorId) ?? []), s]);
  return { unit: (id) => byId.get(id), predecessorsOf: (id) => into.get(id) ?? [] };
}

/** Where the figures of unit `id` on `date` come from: itself if in force then, else its predecessors. */
export function pastOn(history: UnitHistoryIndex, id: number, date: string): UnitPast {
  const sources: number[] = [];
  const leftOut: number[] = [];
  const seen = new Set<number>();
  const walk = (at: number, whole: boolean) => {
    if (seen.has(at)) return;
    seen.add(at);
    const unit = history.unit(at);
    if (!unit) return;
    if (inForce(unit, date)) {
      (whole ? sources : leftOut).push(at);
      return;
    }
    // Only a unit that came into being after the date has predecessors holding the date.
    if (unit.validFrom <= date) return;
    for (const s of history.predecessorsOf(at)) walk(s.predecessorId, whole && s.share === 'full');
  };
  walk(id, true);
  const left = leftOut.filter((u) => !sources.includes(u));
  return { sources: sources.sort((a, b) => a - b), incomplete: left.length > 0, leftOut: left };
}
