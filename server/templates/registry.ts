// The versioned report templates: read from report-templates/ at start-up, checked (schema, formulas,
// deadlines), recorded in the database so a version in use can never change under its reports, and
// looked up by id, version or period.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, count, eq } from 'drizzle-orm';
import type { TemplateSummary } from '../../schema/api';
import { reports, templateVersions } from '../../schema/db';
import type { Store } from '../db/client';
import { collectionOfPeriod, comparePeriodIds, type HolidayCalendar, periodFromId } from '../../domain/periods';
import { checkTemplateBody, checkTemplateSet, readTemplateFiles, TemplateLoadError, type ReadTemplate } from './read-templates';

export { TemplateLoadError };

export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../report-templates');

export type LoadedTemplate = ReadTemplate;

export interface TemplateRegistry {
  list(): TemplateSummary[];
  latest(id: string): LoadedTemplate | undefined;
  get(id: string, version: number): LoadedTemplate | undefined;
  /** The version a new report of that period starts on: the last one effective from it or before. */
  forPeriod(id: string, periodId: string): LoadedTemplate | undefined;
  versions(id: string): LoadedTemplate[];
}

export function createTemplateRegistry(all: LoadedTemplate[]): TemplateRegistry {
  const byId = new Map<string, LoadedTemplate[]>();
  for (const t of all) byId.set(t.file.id, [...(byId.get(t.file.id) ?? []), t]);
  for (const list of byId.values()) list.sort((a, b) => a.file.version - b.file.version);
  const versions = (id: string) => byId.get(id) ?? [];
  return {
    list: () =>
      [...byId.values()].map((list) => {
        const last = list[list.length - 1]!.file;
        return {
          id: last.id,
          title: last.title,
          formNumber: last.formNumber,
          frequency: last.frequency,
          versions: list.map((t) => ({ version: t.file.version, effectiveFrom: t.file.effectiveFrom })),
        };
      }),
    latest: (id) => versions(id).at(-1),
    get: (id, version) => versions(id).find((t) => t.file.version === version),
    versions,
    forPeriod(id, periodId) {
      const list = versions(id);
      const first = list[0];
      if (!first) return undefined;
      // By start date, so that a period of a further collection (2027S1 of a quarterly form) finds its version.
      const start = collectionOfPeriod(list.at(-1)!.file, periodId)?.period.start;
      const effective = list.filter((t) =>
        start === undefined ? comparePeriodIds(t.spec, t.file.effectiveFrom, periodId) <= 0 : (periodFromId(t.spec, t.file.effectiveFrom)?.start ?? '') <= start,
      );
      return effective.at(-1) ?? first;
    },
  };
}

/**
 * Reads and checks every template file, then reconciles with the versions recorded in the database:
 * a new version is recorded; a changed version is refused if any report uses it (reports keep the
 * version they started with) and re-recorded otherwise; a recorded version whose file is gone keeps
 * serving its reports from the database.
 */
export async function loadTemplateRegistry(
  store: Store,
  dir: string,
  holidays: HolidayCalendar,
  now: Date,
): Promise<TemplateRegistry> {
  const read = await readTemplateFiles(dir, holidays);
  const stored = await store.db.select().from(templateVersions);
  const storedByKey = new Map(stored.map((s) => [`${s.templateId}@${s.version}`, s]));
  const loaded: LoadedTemplate[] = [];

  for (const t of read) {
    const previous = storedByKey.get(`${t.file.id}@${t.file.version}`);
    storedByKey.delete(`${t.file.id}@${t.file.version}`);
    if (previous && previous.contentHash !== t.hash) await refuseIfInUse(store, t);
    if (!previous || previous.contentHash !== t.hash) {
      const row = {
        templateId: t.file.id,
        version: t.file.version,
        effectiveFrom: t.file.effectiveFrom,
        contentHash: t.hash,
        body: JSON.stringify(t.file),
        loadedAt: now.toISOString(),
      };
      await store.db
        .insert(templateVersions)
        .values(row)
        .onConflictDoUpdate({ target: [templateVersions.templateId, templateVersions.version], set: row });
    }
    loaded.push(t);
  }

  // Versions no longer on disk still carry the reports made with them.
  const fromDatabase: ReadTemplate[] = [];
  for (const s of storedByKey.values()) {
    fromDatabase.push(checkTemplateBody(JSON.parse(s.body), `database (${s.templateId} version ${s.version})`, holidays));
  }
  const all = [...loaded, ...fromDatabase];
  checkTemplateSet(all);
  return createTemplateRegistry(all);
}

async function refuseIfInUse(store: Store, t: ReadTemplate) {
  const [row] = await store.db
    .select({ n: count() })
    .from(reports)
    .where(and(eq(reports.templateId, t.file.id), eq(reports.templateVersion, t.file.version)));
  const n = row?.n ?? 0;
  if (n > 0) {
    throw new TemplateLoadError(
      t.source,
      '',
      `version ${t.file.version} of "${t.file.id}" has changed, but ${n} report(s) already use it, and a version in use is immutable`,
      `restore the file as it was, and put the change in a new file ${t.file.version + 1}.json with a later "effectiveFrom"`,
      {
        messageVi: `phiên bản ${t.file.version} của mẫu "${t.file.id}" đã bị sửa, nhưng đã có ${n} báo cáo dùng phiên bản này, và phiên bản đang dùng thì không được sửa`,
        fixVi: `trả tệp về như cũ, và đưa thay đổi vào tệp mới ${t.file.version + 1}.json với "effectiveFrom" muộn hơn`,
      },
    );
  }
}
