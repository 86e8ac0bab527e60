// Queries over the effective-dated unit table: the tree in force on a date, and a unit by code.
import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { units } from '../../schema/db';
import { buildUnitTree, type TreeUnit, type UnitTree } from '../../domain/unit-tree';
import { indexHistory, type UnitHistoryIndex } from '../../domain/unit-succession';
import type { Db } from './client';

const inForceOn = (date: string) =>
  and(lte(units.validFrom, date), or(isNull(units.validTo), gte(units.validTo, date)));

const columns = {
  id: units.id,
  code: units.code,
  name: units.name,
  kind: units.kind,
  level: units.level,
  sector: units.sector,
  parentId: units.parentId,
};

export async function loadUnitTree(db: Db, date: string): Promise<UnitTree> {
  // A nation's 10,800 units cross from SQLite as one JSON string: row objects would hold the event loop
  // for seconds (issue 8).
  const [row] = await db.all<{ j: string | null }>(sql`
    SELECT json_group_array(json_array(id, code, name, kind, level, sector, parent_id)) AS j FROM units
    WHERE valid_from <= ${date} AND (valid_to IS NULL OR valid_to >= ${date})`);
  const list = JSON.parse(row?.j ?? '[]') as [number, string, string, string, TreeUnit['level'], string | null, number | null][];
  const rows = list.map(([id, code, name, kind, level, sector, parentId]): TreeUnit => ({ id, code, name, kind, level, sector, parentId }));
  return buildUnitTree(date, rows);
}

/** The unit holding a code on a date; undefined when no unit held it then. */
export async function findUnitAt(db: Db, code: string, date: string): Promise<TreeUnit | undefined> {
  const [row] = await db
    .select(columns)
    .from(units)
    .where(and(eq(units.code, code), inForceOn(date)))
    .limit(1);
  return row;
}

/** The unit that holds a code on a date, else the last one that held it (a user's merged unit). */
export async function findUnitAtOrBefore(db: Db, code: string, date: string): Promise<TreeUnit | undefined> {
  const current = await findUnitAt(db, code, date);
  if (current) return current;
  const [latest] = await db
    .select(columns)
    .from(units)
    .where(and(eq(units.code, code), lte(units.validFrom, date)))
    .orderBy(desc(units.validFrom))
    .limit(1);
  return latest;
}

/** Unit versions by id, with their validity: what a role is held on. */
export async function findUnitVersions(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ ...columns, validFrom: units.validFrom, validTo: units.validTo })
    .from(units)
    .where(inArray(units.id, ids));
}

/**
 * Unit trees by date, cached: the hierarchy changes only when an admin imports a unit list, and
 * every report request needs the tree of its period's last day.
 */
export interface UnitTrees {
  at(date: string): Promise<UnitTree>;
  /** Every unit version's span and the successions between them: a unit's past across reforms. */
  history(): Promise<UnitHistoryIndex>;
  invalidate(): void;
}

export async function loadUnitHistory(db: Db): Promise<UnitHistoryIndex> {
  const [row] = await db.all<{ u: string | null; s: string | null }>(sql`
    SELECT (SELECT json_group_array(json_array(id, valid_from, valid_to)) FROM units) AS u,
           (SELECT json_group_array(json_array(predecessor_id, successor_id, share)) FROM unit_successions) AS s`);
  const spans = (JSON.parse(row?.u ?? '[]') as [number, string, string | null][]).map(([id, validFrom, validTo]) => ({ id, validFrom, validTo }));
  const successions = (JSON.parse(row?.s ?? '[]') as [number, number, 'full' | 'partial'][]).map(([predecessorId, successorId, share]) => ({ predecessorId, successorId, share }));
  return indexHistory(spans, successions);
}

export function createUnitTrees(db: Db, maxDates = 64): UnitTrees {
  const cache = new Map<string, Promise<UnitTree>>();
  let history: Promise<UnitHistoryIndex> | undefined;
  return {
    history() {
      history ??= loadUnitHistory(db);
      history.catch(() => (history = undefined));
      return history;
    },
    at(date) {
      let tree = cache.get(date);
      if (!tree) {
        tree = loadUnitTree(db, date);
        tree.catch(() => cache.delete(date));
        if (cache.size >= maxDates) cache.delete(cache.keys().next().value as string);
        cache.set(date, tree);
      }
      return tree;
    },
    invalidate: () => {
      cache.clear();
      history = undefined;
    },
  };
}
