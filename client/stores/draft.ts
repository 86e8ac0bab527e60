// Unsaved edits of a report kept in localStorage, so a dropped connection or a closed tab loses nothing.
import type { CellValue } from '../../schema/api';

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Draft {
  /** The revision the edits were made on; a different one on reload means the server moved on. */
  revision: number;
  savedAt: string;
  values: [row: string, col: string, value: CellValue][];
  sections: [key: string, text: string][];
  explanations: [id: string, text: string][];
  /** What the server held in each edited cell when it was edited: tells a conflict from a rebase. */
  base?: [row: string, col: string, value: CellValue][];
}

export function draftKey(user: string, template: string, period: string, unit: string): string {
  return `report-draft:v1:${user}:${template}:${period}:${unit}`;
}

export function readDraft(storage: DraftStorage | undefined, key: string): Draft | undefined {
  try {
    const text = storage?.getItem(key);
    if (!text) return undefined;
    const d = JSON.parse(text) as Partial<Draft>;
    if (typeof d.revision !== 'number' || !Array.isArray(d.values)) return undefined;
    return {
      revision: d.revision,
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : '',
      values: d.values.filter((v) => Array.isArray(v) && v.length === 3),
      sections: Array.isArray(d.sections) ? d.sections : [],
      explanations: Array.isArray(d.explanations) ? d.explanations : [],
      base: Array.isArray(d.base) ? d.base.filter((v) => Array.isArray(v) && v.length === 3) : [],
    };
  } catch {
    return undefined;
  }
}

/** Writes the draft, or removes it when it holds nothing; a full or blocked storage is not fatal. */
export function writeDraft(storage: DraftStorage | undefined, key: string, draft: Draft): void {
  try {
    if (draft.values.length === 0 && draft.sections.length === 0 && draft.explanations.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: the edits still live in memory until saved.
  }
}

export function removeDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // ignore, as in writeDraft
  }
}
