// The process entry of `npm start`: read the environment, start the server, stop cleanly on signals. A
// fault at start-up prints one line in Vietnamese and English and exits non-zero.
import { DEFAULT_SEED_PASSWORD } from './seed/demo';
import { startServer } from './start';
import { StartupError } from './startup-error';
import { TemplateLoadError } from './templates/registry';

const env = process.env;

function readPort(value: string | undefined): number {
  const port = Number(value ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError('bad-environment', `PORT "${value}" không phải số cổng / is not a port number (0–65535).`);
  }
  return port;
}

const flag = (value: string | undefined) => (value === undefined || value === '' ? undefined : value === '1' || value === 'true');

try {
  const databaseUrl = env.DATABASE_URL ?? 'file:data/reporting.db';
  const server = await startServer({
    port: readPort(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    demo: env.DEMO !== '0',
    seedPassword: env.SEED_PASSWORD ?? DEFAULT_SEED_PASSWORD,
    adminPassword: env.ADMIN_PASSWORD,
    templatesDir: env.TEMPLATES_DIR,
    secureCookies: flag(env.COOKIE_SECURE),
    trustProxy: flag(env.TRUST_PROXY) ?? false,
    allowedOrigins: env.PUBLIC_ORIGIN ? [env.PUBLIC_ORIGIN] : undefined,
    log: (line) => console.log(line),
  });
  console.log(`Hệ thống thông tin báo cáo: ${server.url} (cơ sở dữ liệu / database ${databaseUrl})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof TemplateLoadError || error instanceof StartupError) {
    console.error(error.message);
    process.exit(error instanceof TemplateLoadError ? 2 : 3);
  }
  throw error;
}
