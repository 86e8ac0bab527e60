// Loads an official unit list valid from a date (POST /api/units/import, npm run units:import): what
// it adds, renames, moves and closes is planned first, shown as is by a dry run, and written in one
// transaction. Units are effective-dated: a change is a new version (a new row from the date, the old
// one closed the day before) linked to the old by a succession, so every report keeps the unit it was
// made for and a unit's past follows its predecessors. Only the provinces the list names are touched,
// and agencies never: a list of one province updates that province.
import { sql } from 'drizzle-orm';
import { rollupPeriods, units, unitSuccessions } from '../../schema/db';
import type { Level } from '../../schema/template';
import { addDays } from '../../domain/periods';
import type { Store, Tx } from '../db/client';
import { ApiError } from '../errors';
import { kindOf, ListError, type ParsedList } from '../units/gso-list';

export const NATION = { code: 'VN', name: 'Việt Nam', kind: 'Quốc gia' } as const;

const ADMINISTRATIVE: readonly Level[] = ['nation', 'province', 'district', 'commune'];

export interface ImportedUnit {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  /** For a renamed unit, its name until the day before. */
  wasName?: string;
  /** For a moved unit, its parent until the day before. */
  wasParentCode?: string | null;
  /** For a unit formed from others ("Sáp nhập từ"). */
  from?: { code: string; name: string; share: 'full' | 'partial' }[];
}

export interface UnitImportResult {
  validFrom: string;
  dryRun: boolean;
  added: ImportedUnit[];
  renamed: ImportedUnit[];
  moved: ImportedUnit[];
  closed: ImportedUnit[];
  unchanged: number;
  /** Rows written from the date: added, renamed and moved units, and units whose parent got a new version. */
  versions: number;
  successions: number;
}

interface Existing {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: Level;
  parentId: number | null;
  validFrom: string;
}

interface Planned {
  key: string;
  code: string;
  name: string;
  kind: string;
  level: Level;
  parentKey: string | null;
  /** Set when the unit stays as it is: its existing row. */
  keepId?: number;
  from: { id: number; share: 'full' | 'partial' }[];
}

const keyOf = (level: Level, code: string) => `${level}:${code}`;

export async function importUnitList(store: Store, list: ParsedList, validFrom: string, dryRun: boolean): Promise<UnitImportResult> {
  const run = async (tx: Tx) => {
    const plan = await planImport(tx, list, validFrom);
    if (!dryRun) await applyPlan(tx, plan, validFrom);
    return plan.result;
  };
  // A dry run plans against the stored units inside a transaction that is then undone.
  if (!dryRun) return store.write(run);
  let result: UnitImportResult | undefined;
  await store
    .write(async (tx) => {
      result = await run(tx);
      throw DRY_RUN;
    })
    .catch((error: unknown) => {
      if (error !== DRY_RUN) throw error;
    });
  return result!;
}

const DRY_RUN = Symbol('dry run');

async function planImport(tx: Tx, list: ParsedList, validFrom: string) {
  const rows = await tx.all<{ id: number; code: string; name: string; kind: string; level: Level; parent_id: number | null; valid_from: string }>(sql`
    SELECT id, code, name, kind, level, parent_id, valid_from FROM units
    WHERE valid_from <= ${validFrom} AND (valid_to IS NULL OR valid_to >= ${validFrom})
      AND level IN (SELECT value FROM json_each(${JSON.stringify(ADMINISTRATIVE)}))`);
  const existing: Existing[] = rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, level: r.level, parentId: r.parent_id, validFrom: r.valid_from }));
  const byId = new Map(existing.map((u) => [u.id, u]));
  const byKey = new Map(existing.map((u) => [keyOf(u.level, u.code), u]));
  const codeOfParent = (u: Existing) => (u.parentId === null ? null : (byId.get(u.parentId)?.code ?? null));
  const result: UnitImportResult = { validFrom, dryRun: true, added: [], renamed: [], moved: [], closed: [], unchanged: 0, versions: 0, successions: 0 };
  const planned: Planned[] = [];
  const plannedByKey = new Map<string, Planned>();
  const issues: { row: string; col: string; code: string; message: string }[] = [];

  const nation = byKey.get(keyOf('nation', NATION.code));
  const [vn] = nation ? [] : await tx.all<{ id: number }>(sql`SELECT id FROM units WHERE code = ${NATION.code} AND level = 'nation' ORDER BY valid_from LIMIT 1`);
  const nationKey = keyOf('nation', NATION.code);
  const nationPlan: Planned = { key: nationKey, code: NATION.code, name: NATION.name, kind: NATION.kind, level: 'nation', parentKey: null, from: [], keepId: nation?.id ?? vn?.id };
  planned.push(nationPlan);
  plannedByKey.set(nationKey, nationPlan);
  const attach: number[] = [];

  /** A unit of the list against the row in force with its code and level. */
  const place = (level: Level, code: string, name: string, kind: string, parentKey: string, merged?: { code: string; name: string; share: 'full' | 'partial' }[], line?: number) => {
    const key = keyOf(level, code);
    if (plannedByKey.has(key)) return;
    const old = byKey.get(key);
    const parentPlan = plannedByKey.get(parentKey)!;
    const parentCode = parentPlan.code;
    const p: Planned = { key, code, name, kind, level, parentKey, from: [] };
    const selfOnly = merged === undefined || (merged.length === 1 && merged[0]!.code === code && merged[0]!.share === 'full');
    const out: ImportedUnit = { code, name, level, parentCode };
    if (old && selfOnly) {
      const oldParent = old.parentId === null ? undefined : byId.get(old.parentId);
      const sameParent = parentPlan.keepId !== undefined && old.parentId === parentPlan.keepId;
      // A province that had no nation above it gets one in place: the nation was always there.
      const attachOnly = level === 'province' && old.parentId === null;
      if (old.name === name && (sameParent || attachOnly)) {
        p.keepId = old.id;
        if (attachOnly) attach.push(old.id);
        result.unchanged++;
      } else {
        p.from = [{ id: old.id, share: 'full' }];
        if (old.name !== name) result.renamed.push({ ...out, wasName: old.name });
        if ((oldParent?.code ?? null) !== parentCode && !attachOnly) result.moved.push({ ...out, wasParentCode: codeOfParent(old) });
      }
    } else {
      const from: ImportedUnit['from'] = [];
      for (const m of merged ?? []) {
        const pred = byKey.get(keyOf(level, m.code));
        if (!pred) {
          issues.push({ row: String(line ?? ''), col: 'Sáp nhập từ', code: 'unknown-predecessor', message: `Dòng ${line}: không có ${m.name} (mã ${m.code}) vào ngày ${validFrom}.` });
          continue;
        }
        p.from.push({ id: pred.id, share: m.share });
        from.push({ code: m.code, name: pred.name, share: m.share });
      }
      result.added.push(from.length > 0 ? { ...out, from } : out);
    }
    planned.push(p);
    plannedByKey.set(key, p);
  };

  for (const row of list.rows) {
    place('province', row.province.code, row.province.name, kindOf(row.province.name, ['Tỉnh', 'Thành phố']), nationKey);
    const provinceKey = keyOf('province', row.province.code);
    let parentKey = provinceKey;
    if (row.district) {
      place('district', row.district.code, row.district.name, kindOf(row.district.name, ['Huyện', 'Quận', 'Thị xã', 'Thành phố']), provinceKey);
      parentKey = keyOf('district', row.district.code);
    }
    place('commune', row.commune.code, row.commune.name, row.commune.kind, parentKey, row.mergedFrom, row.line);
  }
  if (issues.length > 0) throw new ListError(`Danh mục có ${issues.length} lỗi; chưa nạp gì.`, issues);

  // Everything in force under the provinces of the list that the list does not keep ends the day before.
  const kept = new Set(planned.flatMap((p) => (p.keepId === undefined ? [] : [p.keepId])));
  const provinces = new Set(list.rows.map((r) => r.province.code));
  const within = (u: Existing): boolean => {
    for (let at: Existing | undefined = u; at; at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      if (at.level === 'province') return provinces.has(at.code);
    }
    return false;
  };
  const closing = existing.filter((u) => u.level !== 'nation' && !kept.has(u.id) && within(u));
  const continued = new Set(planned.flatMap((p) => (p.from.length === 1 && p.from[0]!.share === 'full' && byId.get(p.from[0]!.id)?.code === p.code ? [p.from[0]!.id] : [])));
  for (const u of closing) {
    if (u.validFrom >= validFrom) {
      throw new ApiError(409, 'already-imported', `${u.name} (mã ${u.code}) có hiệu lực từ ${u.validFrom}: không thể đóng trước ngày đó; hãy nạp danh mục với ngày sau ${u.validFrom}.`);
    }
    if (!continued.has(u.id)) result.closed.push({ code: u.code, name: u.name, level: u.level, parentCode: codeOfParent(u) });
  }
  result.versions = planned.filter((p) => p.keepId === undefined).length;
  result.successions = planned.reduce((n, p) => n + p.from.length, 0);
  return { result, planned, closing: closing.map((u) => u.id), attach };
}

async function applyPlan(tx: Tx, plan: Awaited<ReturnType<typeof planImport>>, validFrom: string) {
  const { planned, closing, attach } = plan;
  const dayBefore = addDays(validFrom, -1);
  const ids = new Map<string, number>();
  for (const p of planned) if (p.keepId !== undefined) ids.set(p.key, p.keepId);
  if (closing.length > 0) {
    await tx.run(sql`UPDATE units SET valid_to = ${dayBefore} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(closing)}))`);
  }
  // Parents before children: the list is planned nation, province, district, commune per row.
  const order: Level[] = ['nation', 'province', 'district', 'commune'];
  for (const level of order) {
    const fresh = planned.filter((p) => p.level === level && p.keepId === undefined);
    for (let i = 0; i < fresh.length; i += 200) {
      const chunk = fresh.slice(i, i + 200);
      const inserted = await tx
        .insert(units)
        .values(
          chunk.map((p) => ({
            code: p.code,
            name: p.name,
            kind: p.kind,
            level: p.level,
            parentId: p.parentKey === null ? null : ids.get(p.parentKey)!,
            validFrom: p.level === 'nation' ? '1976-07-02' : validFrom,
            validTo: null,
          })),
        )
        .returning({ id: units.id });
      chunk.forEach((p, k) => ids.set(p.key, inserted[k]!.id));
    }
  }
  if (attach.length > 0) {
    const nationId = ids.get(keyOf('nation', NATION.code))!;
    await tx.run(sql`UPDATE units SET parent_id = ${nationId} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(attach)}))`);
    // Every roll-up above those provinces changed: they are rebuilt when next read.
    await tx.delete(rollupPeriods);
  }
  const links = planned.flatMap((p) => p.from.map((f) => ({ predecessorId: f.id, successorId: ids.get(p.key)!, share: f.share })));
  for (let i = 0; i < links.length; i += 300) await tx.insert(unitSuccessions).values(links.slice(i, i + 300)).onConflictDoNothing();
  plan.result.dryRun = false;
}
