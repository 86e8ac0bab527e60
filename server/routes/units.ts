// GET /api/units?at=YYYY-MM-DD[&kind=agency]: the hierarchy in force that day (today when absent):
// administrative units, or with kind=agency the agencies (sở, ban, ngành; phòng).
import { Hono } from 'hono';
import { UnitsQuery, type UnitNode } from '../../schema/api';
import { vnDate } from '../../domain/vn-time';
import { isAgency } from '../../domain/unit-tree';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { valid } from '../validate';

export const unitsRoutes = new Hono<AppEnv>().get('/', requireUser, valid('query', UnitsQuery), async (c) => {
  const { at, kind = 'administrative' } = c.req.valid('query');
  const tree = await c.var.deps.unitTrees.at(at ?? vnDate(c.var.deps.clock()));
  return c.json(
    tree.units
      .filter((u) => isAgency(u) === (kind === 'agency'))
      .map(
        (u): UnitNode => ({
          code: u.code,
          name: u.name,
          level: u.level,
          kind: isAgency(u) ? 'agency' : 'administrative',
          type: u.kind,
          sector: u.sector,
          parentCode: u.parentId === null ? null : (tree.byId(u.parentId)?.code ?? null),
        }),
      ),
  );
});
