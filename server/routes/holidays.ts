// The holiday calendar deadlines count in: the shipped official table plus an admin's additions.
import { Hono } from 'hono';
import { HolidayBody } from '../../schema/api';
import { holidays } from '../../schema/db';
import { requireAdmin, requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { valid } from '../validate';

export const holidaysRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', async (c) => {
    const calendar = await c.var.deps.holidays.calendar();
    return c.json(calendar.entries);
  })
  .post('/', requireAdmin, valid('json', HolidayBody), async (c) => {
    const body = c.req.valid('json');
    const { store, holidays: source, clock } = c.var.deps;
    const row = { ...body, createdBy: c.var.user.username, createdAt: clock().toISOString() };
    await store.write((tx) =>
      tx.insert(holidays).values(row).onConflictDoUpdate({ target: holidays.date, set: row }),
    );
    source.invalidate();
    return c.json(body, 201);
  });
