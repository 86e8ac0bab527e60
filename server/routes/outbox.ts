// The delivery outbox as the province head (or an admin) sees it: each packet of each approved report
// with its status (waiting, sent, accepted, refused with the reason), in approval order.
import { Hono } from 'hono';
import { OutboxQuery } from '../../schema/api';
import { vnDate } from '../../domain/vn-time';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { forbidden } from '../errors';
import { listOutbox } from '../exchange/outbox';
import { isProvinceHead } from '../exchange/sender-scope';
import { grantsInForce } from '../../domain/access';
import { valid } from '../validate';

export const outboxRoutes = new Hono<AppEnv>().get('/', requireUser, valid('query', OutboxQuery), async (c) => {
  const { deps, user } = c.var;
  const today = vnDate(deps.clock());
  if (!isProvinceHead(grantsInForce(user.grants, today), await deps.unitTrees.at(today))) {
    throw forbidden('Chỉ lãnh đạo UBND tỉnh và quản trị hệ thống xem được hàng đợi gửi Hệ thống thông tin báo cáo Chính phủ.');
  }
  const { status, limit } = c.req.valid('query');
  return c.json(await listOutbox(deps.store.db, { ...(status ? { status } : {}), limit }));
});
