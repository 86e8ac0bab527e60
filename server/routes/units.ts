// GET /api/units?at=YYYY-MM-DD: the hierarchy in force that day (today when absent);
// POST /api/units/import?validFrom=…[&dryRun=true]: an official unit list (admin, CSV or XLSX).
import { Hono } from 'hono';
import { UnitImportQuery, UnitsQuery, type UnitNode } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import { vnDate } from '../../domain/vn-time';
import type { AppEnv } from '../env';
import { ApiError, forbidden } from '../errors';
import { importUnitList } from '../services/unit-import';
import { ListError, parseList, readTable } from '../units/gso-list';
import { valid } from '../validate';

export const unitsRoutes = new Hono<AppEnv>()
  .get('/', requireUser, valid('query', UnitsQuery), async (c) => {
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
  })
  .post('/import', requireUser, valid('query', UnitImportQuery), async (c) => {
    if (c.var.user!.role !== 'admin') throw forbidden('Chỉ quản trị hệ thống mới nạp được danh mục đơn vị hành chính.');
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
