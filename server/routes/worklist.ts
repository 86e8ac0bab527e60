// GET /api/worklist: "my reports" (services/worklist.ts).
import { Hono } from 'hono';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { buildWorklist } from '../services/worklist';

export const worklistRoutes = new Hono<AppEnv>().get('/', requireUser, async (c) => c.json(await buildWorklist(c.var.deps, c.var.user)));
