// GET /api/units?at=YYYY-MM-DD: the hierarchy in force that day (today when absent).
import { Hono } from 'hono';
import { UnitsQuery, type UnitNode } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import { vnDate } from '../../domain/vn-time';
import type { AppEnv } from '../env';
import { valid } from '../validate';

export const unitsRoutes = new Hono<AppEnv>().get('/', requireUser, valid('query', UnitsQuery), async (c) => {
  const { at } = c.req.valid('query');
  const tree = await c.var.deps.unitTrees.at(at ?? vnDate(c.var.deps.clock()));
  return c.json(
    tree.units.map(
      (u): UnitNode => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        level: u.level,
        parentCode: u.parentId === null ? null : (tree.byId(u.parentId)?.code ?? null),
      }),
    ),
  );
});
