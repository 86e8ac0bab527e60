// Users and their roles (admin): GET, POST /api/users, GET, PATCH /api/users/:username. A password is
// set, never returned; deactivating a user or resetting their password ends their sessions.
import { Hono } from 'hono';
import { CreateUserBody, PatchUserBody } from '../../schema/api';
import { requireAdmin, requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { createUser, getUser, listUsers, updateUser } from '../services/users';
import { valid } from '../validate';

export const usersRoutes = new Hono<AppEnv>()
  .use(requireUser, requireAdmin)
  .get('/', async (c) => c.json(await listUsers(c.var.deps.store.db)))
  .post('/', valid('json', CreateUserBody), async (c) => c.json(await createUser(c.var.deps, c.req.valid('json')), 201))
  .get('/:username', async (c) => c.json(await getUser(c.var.deps.store.db, c.req.param('username'))))
  .patch('/:username', valid('json', PatchUserBody), async (c) => c.json(await updateUser(c.var.deps, c.req.param('username'), c.req.valid('json'))));
