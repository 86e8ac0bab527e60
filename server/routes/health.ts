// GET /api/health: { ok: true } when the database answers.
import { Hono } from 'hono';
import type { Health } from '../../schema/api';
import { ApiError } from '../errors';
import type { AppEnv } from '../env';

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  try {
    await c.var.deps.store.client.execute('SELECT 1');
  } catch {
    throw new ApiError(503, 'unavailable', 'Cơ sở dữ liệu không trả lời.');
  }
  return c.json({ ok: true, demo: c.var.deps.demo } satisfies Health);
});
