// Bulk imports: ADX values for many units (a head for its subtree, an admin for any), all or nothing,
// with ?dryRun=true listing what would change.
import { Hono } from 'hono';
import { ImportQuery } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { badRequest } from '../errors';
import { importAdx } from '../exchange/adx-import';
import { valid } from '../validate';

export const importsRoutes = new Hono<AppEnv>().post('/adx', requireUser, valid('query', ImportQuery), async (c) => {
  const xml = await c.req.text();
  if (xml.trim() === '') throw badRequest('invalid-body', 'Nội dung gửi lên phải là một tài liệu ADX (XML).');
  return c.json(await importAdx(c.var.deps, c.var.user!, xml, c.req.valid('query').dryRun));
});
