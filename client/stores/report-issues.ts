// Which rule results a report shows: the server's verdict while the values on screen are the ones it
// judged, the local engine's from the officer's first edit, and what the server refused on top.
import type { Issue } from '../../schema/api';
import { cellKey } from '../../domain/template/cell-key';

export const issueId = (i: Pick<Issue, 'code' | 'row' | 'col'>): string => `${i.code}|${i.row}|${i.col}`;

/** The first of each (rule, row, col): a verdict and a refusal may name the same cell. */
export function uniqueIssues(list: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const id = issueId(i);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export interface IssueSources {
  /** The server's rule results on the saved values; undefined while a save is out. */
  verdict: readonly Issue[] | undefined;
  /** Cells the server refused (422) and the officer has not edited since. */
  refusals: readonly Issue[];
  /** Nothing on screen differs from the saved values. */
  isPristine: boolean;
  /** The local engine's results on the values on screen; read only once the officer has typed. */
  local: () => readonly Issue[];
  checksLocally: (code: string) => boolean;
}

/**
 * Until the officer types, the server's verdict is shown as it gave it. From the first edit the local
 * engine takes over; the server's results add only what the local engine does not check itself (the
 * server stays the authority on those).
 */
export function shownIssues(s: IssueSources): Issue[] {
  const fromServer = [...(s.verdict ?? []), ...s.refusals];
  if (s.verdict && s.isPristine) return uniqueIssues(fromServer);
  const local = s.local();
  const seen = new Set(local.map(issueId));
  return [...local, ...uniqueIssues(fromServer.filter((i) => !seen.has(issueId(i)) && !s.checksLocally(i.code)))];
}

export function issuesByCell(issues: readonly Issue[]): Map<string, Issue[]> {
  const map = new Map<string, Issue[]>();
  for (const i of issues) {
    const k = cellKey(i.row, i.col);
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  }
  return map;
}
