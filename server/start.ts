// Starts the whole system in-process: templates checked, the port bound, then the database opened,
// migrated and seeded, and the API and the built client served. Used by server/index.ts, the smoke
// test and the browser tests. A fault found before the database is opened (a broken template, a port in
// use, a bad database URL) changes nothing on disk.
import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createHolidayCalendar, VN_CIVIL_SERVICE_DAYS_OFF } from '../domain/periods';
import { createApp } from './app';
import { writesTakeTurns } from './http/take-turns';
import { openStore, type Store } from './db/client';
import { createUnitTrees } from './db/units';
import type { AppDeps } from './env';
import { createOutboxSender, type SenderOptions } from './exchange/outbox-sender';
import { signerFromFile } from './exchange/signing';
import { createHolidaySource } from './holidays';
import { isDemo, isEmptyDatabase, markDemo, seedDemoUnits, seedDemoUsers } from './seed/demo';
import { seedDemoReports } from './seed/demo-reports';
import { ensureFirstAdmin } from './seed/first-admin';
import { StartupError } from './startup-error';
import { readTemplateFiles } from './templates/read-templates';
import { loadTemplateRegistry, TEMPLATES_DIR } from './templates/registry';
import { createWorkers, type Workers } from './workers/pool';

export interface StartOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  /** Seed the demo when the database is empty. */
  demo: boolean;
  seedPassword: string;
  /** Outside the demo, the password of the first admin (created only while there are no users). */
  adminPassword?: string;
  clientDir?: string;
  templatesDir?: string;
  clock?: () => Date;
  log?: (line: string) => void;
  /** Force the session cookie's Secure flag (COOKIE_SECURE); by default set on HTTPS requests. */
  secureCookies?: boolean;
  trustProxy?: boolean;
  allowedOrigins?: string[];
  /** A request (headers and body) must arrive within this; slow or stalled clients are cut off. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Path of the province's Ed25519 private key (PEM); packages are signed with it when given. */
  signingKeyPath?: string;
  /** Deliver approved reports' packets there (GOV_ENDPOINT); the outbox only queues without it. */
  delivery?: Omit<SenderOptions, 'log'>;
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
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  // 1. Templates are checked before anything else: a broken file is the IT office's to fix.
  await readTemplateFiles(templatesDir, createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF));
  checkDatabaseUrl(options.databaseUrl);
  const signer = signerFromFile(options.signingKeyPath);

  // 2. The port, before the database: a port in use must not leave a seeded database behind.
  let handler: ((req: Request) => Response | Promise<Response>) | undefined;
  const notReady = () => new Response(JSON.stringify({ error: { code: 'unavailable', message: 'Hệ thống đang khởi động.' } }), { status: 503 });
  const server = await listen(options, (req) => (handler ? handler(req) : notReady()));

  let store: Store | undefined;
  let workers: Workers | undefined;
  try {
    // 3. The database, the templates recorded in it, the demo.
    store = await openStore(options.databaseUrl).catch((error: unknown) => {
      throw new StartupError('bad-database', `Không mở được cơ sở dữ liệu ${options.databaseUrl} / cannot open the database: ${(error as Error).message}`);
    });
    const holidays = createHolidaySource(store.db);
    const templates = await loadTemplateRegistry(store, templatesDir, await holidays.calendar(), clock());
    const deps: AppDeps = {
      store,
      templates,
      unitTrees: createUnitTrees(store.db),
      holidays,
      clock,
      demo: false,
      secureCookies: options.secureCookies,
      trustProxy: options.trustProxy,
      allowedOrigins: options.allowedOrigins,
      ...(signer ? { signer } : {}),
      // Worker threads for national recomputes and Excel packages (issue 8); an in-memory database
      // cannot be shared with them, so there everything runs in-process.
      workers: (workers = options.databaseUrl.includes(':memory:') ? undefined : createWorkers()),
    };
    if (options.demo && (await isEmptyDatabase(store))) {
      await seedDemoUnits(store);
      await seedDemoUsers(store, options.seedPassword, clock());
      await markDemo(store);
      await seedDemoReports(deps);
      log('Đã tạo dữ liệu minh họa / seeded the demo: units and agencies of Lạng Sơn, users admin, canbo-<code>, lanhdao-<code>, xem-20.');
    } else if (!options.demo) {
      const admin = await ensureFirstAdmin(store, options.adminPassword, clock());
      if (admin === 'created') log('Đã tạo tài khoản quản trị "admin" từ ADMIN_PASSWORD / created the first admin "admin" from ADMIN_PASSWORD.');
      if (admin === 'missing') log('Chưa có người dùng: đặt ADMIN_PASSWORD để tạo tài khoản "admin" / no users yet: set ADMIN_PASSWORD to create "admin".');
    }
    deps.demo = await isDemo(store);

    const app = createApp(deps);
    const clientDir = resolve(options.clientDir ?? 'dist/client');
    if (existsSync(clientDir)) {
      // Vite names every file under assets/ by its content hash, so a year-long immutable cache is safe;
      // index.html names the current ones and is revalidated on every load, so a release shows at once.
      app.use('/*', async (c, next) => {
        await next();
        if (c.req.path.startsWith('/api/')) return;
        const hashed = c.req.path.startsWith('/assets/') && c.res.status === 200;
        c.res.headers.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        // The build's .br and .gz copies (scripts/precompress.ts) are chosen by Accept-Encoding, the plain one too.
        if (!c.res.headers.get('Vary')) c.res.headers.set('Vary', 'Accept-Encoding');
      });
      app.use('/*', serveStatic({ root: clientDir, precompressed: true }));
      app.get('*', serveStatic({ root: clientDir, path: 'index.html', precompressed: true }));
    } else {
      log(`Chưa có giao diện đã build tại ${clientDir} / no built client: run "npm run build" to serve the UI.`);
    }
    handler = app.fetch;
    const sender = options.delivery ? createOutboxSender(store, clock, { ...options.delivery, log }) : undefined;
    sender?.start();
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host === '0.0.0.0' || options.host === '::' || !options.host ? 'localhost' : options.host;
    const openStoreRef = store;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      deps,
      close: () =>
        new Promise<void>((done) => {
          server.closeAllConnections?.();
          server.close(async () => {
            await sender?.stop();
            await workers?.close();
            openStoreRef.close();
            done();
          });
        }),
    };
  } catch (error) {
    server.close();
    await workers?.close();
    store?.close();
    throw error;
  }
}

/** Binds the port; "in use" and "not allowed" become one clear StartupError. */
function listen(options: StartOptions, fetch: (req: Request) => Response | Promise<Response>): Promise<Server> {
  return new Promise((resolveServer, reject) => {
    const s = serve(
      {
        fetch,
        port: options.port,
        hostname: options.host ?? '0.0.0.0',
        // Writes take turns before Hono sees them (http/take-turns); serve() calls this as createServer(options, listener).
        createServer: ((serverOptions: ServerOptions, listener: RequestListener) => createServer(serverOptions, writesTakeTurns(listener))) as typeof createServer,
        serverOptions: {
          requestTimeout: options.requestTimeoutMs ?? 120_000,
          headersTimeout: options.headersTimeoutMs ?? 20_000,
          // How often Node looks for requests past their timeout (its default is 30 s).
          connectionsCheckingInterval: Math.min(5_000, options.headersTimeoutMs ?? 5_000),
        },
      },
      () => resolveServer(s as Server),
    ) as Server;
    s.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${options.host ?? '0.0.0.0'}:${options.port}`;
      if (error.code === 'EADDRINUSE') reject(new StartupError('port-in-use', `Cổng ${where} đang được dùng / port ${where} is already in use: set PORT to another port.`));
      else if (error.code === 'EACCES') reject(new StartupError('port-denied', `Không được phép mở cổng ${where} / not allowed to listen on ${where}.`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new StartupError('bad-host', `Không có địa chỉ ${options.host} trên máy này / no interface ${options.host} on this machine: check HOST.`));
      else reject(error);
    });
  });
}

function checkDatabaseUrl(url: string) {
  if (!/^(file:|libsql:|https?:|wss?:)/.test(url)) {
    throw new StartupError('bad-database', `DATABASE_URL "${url}" không hợp lệ / is not a libsql URL: use file:data/reporting.db, or libsql://…`);
  }
}
