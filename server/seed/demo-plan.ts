// Who does what in the demo, as tables: which report each post-reform commune sends, and when, so that a
// first look shows every state (draft, submitted, approved, returned, late, on time, missing); and the
// users the README and the login page name. To add a unit or a user (issue 7's agencies), add a line.
import type { DemoState, DemoUser, Role } from '../../schema/api';

/** What happens to one unit's report of one period. */
export type Outcome = 'missing' | 'draft' | 'submitted' | 'approved' | 'returned';

export interface Plan {
  outcome: Outcome;
  /** Sent after the deadline; otherwise on the deadline day or before it. */
  late?: boolean;
}

export const POST_REFORM_COMMUNES = ['05977', '05983', '05986', '06187', '06001'] as const;

/** The monthly report (kinh-te-xa-hoi-xa) of the last month whose deadline has passed: one commune per state. */
export const LAST_DUE_MONTH: Record<string, Plan> = {
  '05977': { outcome: 'approved' },
  '05983': { outcome: 'approved', late: true },
  '05986': { outcome: 'submitted' },
  '06187': { outcome: 'returned' },
  '06001': { outcome: 'missing' },
};

/** The month still open (and any closed one not yet due): drafts under way. */
export const OPEN_MONTH: Record<string, Plan> = {
  '05983': { outcome: 'draft' },
  '05986': { outcome: 'draft' },
};

/** Earlier months: approved; about one report in six went in a few days late, as happens. */
export const EARLIER_MONTH = (unit: string, period: string): Plan => ({ outcome: 'approved', late: hash(`${unit}/${period}`) % 6 === 0 });

/** The six-monthly digital-government report (chinh-quyen-so) of the last half-year: the communes, and the province's own. */
export const LAST_HALF_YEAR: Record<string, Plan> = {
  '05977': { outcome: 'approved' },
  '05983': { outcome: 'approved' },
  '05986': { outcome: 'approved', late: true },
  '06187': { outcome: 'approved' },
  '06001': { outcome: 'approved' },
  '20': { outcome: 'submitted' },
};

export const RETURN_REASON = 'Đề nghị rà soát lại số liệu dòng đầu tiên cho khớp với sổ theo dõi.';

/** The head who approves or returns a unit's report: the province's, for the communes and for itself. */
export const HEAD = 'lanhdao-20';

/** The users to try first, in the order the login page lists them. */
const GUIDE: { username: string; role: Role; unitCode: string | null }[] = [
  { username: 'lanhdao-20', role: 'head', unitCode: '20' },
  { username: 'canbo-05986', role: 'officer', unitCode: '05986' },
  { username: 'canbo-06187', role: 'officer', unitCode: '06187' },
  { username: 'canbo-06001', role: 'officer', unitCode: '06001' },
  { username: 'canbo-05983', role: 'officer', unitCode: '05983' },
  { username: 'canbo-05977', role: 'officer', unitCode: '05977' },
];

/** The states a plan leaves on a report once its deadline has passed. */
function statesOfPlan(plan: Plan): DemoState[] {
  switch (plan.outcome) {
    case 'missing':
      return ['missing'];
    case 'draft':
      return ['draft'];
    case 'returned':
      // Sent on time, returned; not sent again by the deadline.
      return ['returned', 'missing'];
    default:
      return [plan.outcome, plan.late ? 'late' : 'on-time'];
  }
}

/** The guide with what each user's data shows, read off the plans above so it cannot drift from the seed. */
export function demoGuide(unitNames: ReadonlyMap<string, string>): DemoUser[] {
  return GUIDE.map(({ username, role, unitCode }) => {
    const plans = unitCode === null ? [] : role === 'head' ? [...Object.values(LAST_DUE_MONTH), ...Object.values(OPEN_MONTH)] : [LAST_DUE_MONTH[unitCode], OPEN_MONTH[unitCode], LAST_HALF_YEAR[unitCode]];
    const states = new Set<DemoState>();
    for (const plan of plans) if (plan) statesOfPlan(plan).forEach((s) => states.add(s));
    if (role === 'officer') states.add('on-time'); // earlier months, mostly on time
    return { username, role, unitName: unitCode === null ? null : (unitNames.get(unitCode) ?? null), states: [...states] };
  });
}

function hash(seed: string): number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}
