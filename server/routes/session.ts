// GET /api/session: who is signed in, answered 200 either way, so the app's first load asks without an
// error (GET /api/me keeps its 401 for API clients); in demo mode only, the users to try on the login page.
import { Hono } from 'hono';
import type { Session } from '../../schema/api';
import type { AppEnv } from '../env';
import { DEFAULT_SEED_PASSWORD, DEMO_UNIT_NAMES, usesDefaultPassword } from '../seed/demo';
import { demoGuide } from '../seed/demo-plan';
import { describeMe } from './me';

export const sessionRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { deps, user } = c.var;
  const demo = deps.demo
    ? { password: (await usesDefaultPassword(deps.store)) ? DEFAULT_SEED_PASSWORD : null, users: demoGuide(DEMO_UNIT_NAMES) }
    : null;
  c.header('Cache-Control', 'no-store');
  if (!user) return c.json({ signedIn: false, demo } satisfies Session);
  return c.json({ signedIn: true, me: await describeMe(deps, user), demo } satisfies Session);
});
