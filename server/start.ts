// Starts the whole system in-process: database, migrations, templates, demo seed, API and the built
// client. Used by server/index.ts, the smoke test and the browser tests.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app';
import { openStore } from './db/client';
import { createUnitTrees } from './db/units';
import type { AppDeps } from './env';
import { createHolidaySource } from './holidays';
import { isDemo, isEmptyDatabase, markDemo, seedDemoUnits, seedDemoUsers } from './seed/demo';
import { seedDemoReports } from './seed/demo-reports';
import { loadTemplateRegistry, TEMPLATES_DIR } from './templates/registry';
import { createWorkers } from './workers/pool';

export interface StartOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  /** Seed the demo when the database is empty. */
  demo: boolean;
  seedPassword: string;
  clientDir?: string;
  templatesDir?: string;
  clock?: () => Date;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? (() => new Date());
  const store = await openStore(options.databaseUrl);
  const holidays = createHolidaySource(store.db);
  const templates = await loadTemplateRegistry(store, options.templatesDir ?? TEMPLATES_DIR, await holidays.calendar(), clock());
  const workers = options.databaseUrl.includes(':memory:') ? undefined : createWorkers();
  const deps: AppDeps = { store, templates, unitTrees: createUnitTrees(store.db), holidays, clock, demo: false, workers };

  if (options.demo && (await isEmptyDatabase(store))) {
    await seedDemoUnits(store);
    await seedDemoUsers(store, options.seedPassword, clock());
    await markDemo(store);
    await seedDemoReports(deps);
    log('Seeded the demo: units of Lạng Sơn, users admin, canbo-<code>, lanhdao-<code>.');
  }

  deps.demo = await isDemo(store);
  const app = createApp(deps);
  const clientDir = resolve(options.clientDir ?? 'dist/client');
  if (existsSync(clientDir)) {
    app.use('/*', serveStatic({ root: clientDir }));
    app.get('*', serveStatic({ root: clientDir, path: 'index.html' }));
  } else {
    log(`No built client at ${clientDir}: run "npm run build" to serve the UI.`);
  }

  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '0.0.0.0' }, () => resolveServer(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host === '0.0.0.0' || !options.host ? 'localhost' : options.host}:${port}`;
  return {
    url,
    port,
    deps,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          void (workers?.close() ?? Promise.resolve()).finally(() => {
            store.close();
            done();
          });
        });
      }),
  };
}
