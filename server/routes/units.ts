// GET /api/units?at=YYYY-MM-DD[&kind=agency]: the hierarchy in force that day (today when absent):
// administrative units, or with kind=agency the agencies (sở, ban, ngành; phòng);
// POST /api/units/import?validFrom=…[&dryRun=true]: an official unit list (admin, CSV or XLSX, issue 8).
import { Hono } from 'hono';
import { UnitImportQuery, UnitsQuery, type UnitNode } from '../../schema/api';
import { vnDate } from '../../domain/vn-time';
import { isAgency } from '../../domain/unit-tree';
import { requireAdmin, requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { valid } from '../validate';
import { ApiError } from '../errors';
import { importUnitList } from '../services/unit-import';
import { ListError, parseList, readTable } from '../units/gso-list';

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
})
  .post('/import', requireUser, requireAdmin, valid('query', UnitImportQuery), async (c) => {
    const { validFrom, dryRun } = c.req.valid('query');
    const body = new Uint8Array(await c.req.arrayBuffer());
    const { deps } = c.var;
    try {
      const list = parseList(await readTable(body));
      const result = await importUnitList(deps.store, list, validFrom, dryRun);
      if (!dryRun) deps.unitTrees.invalidate();
      return c.json(result);
    } catch (error) {
      if (error instanceof ListError) throw new ApiError(422, 'invalid-list', error.message, error.issues);
      throw error;
    }
  });

