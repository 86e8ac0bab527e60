// The process entry of `npm start`: read the environment, start the server, stop cleanly on signals.
import { startServer } from './start';
import { TemplateLoadError } from './templates/registry';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const databaseUrl = env.DATABASE_URL ?? 'file:data/reporting.db';
const ms = (value: string | undefined, fallback: number) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback);
// The outbox delivers to the Government's reporting system only when an endpoint is configured.
const delivery = env.GOV_ENDPOINT
  ? {
      endpoint: env.GOV_ENDPOINT,
      ...(env.GOV_TOKEN ? { token: env.GOV_TOKEN } : {}),
      timeoutMs: ms(env.GOV_TIMEOUT_MS, 30_000),
      baseDelayMs: ms(env.GOV_RETRY_BASE_MS, 5_000),
      maxDelayMs: ms(env.GOV_RETRY_MAX_MS, 3_600_000),
      pollMs: ms(env.OUTBOX_POLL_MS, 2_000),
    }
  : undefined;

try {
  const server = await startServer({
    port,
    ...(env.HOST ? { host: env.HOST } : {}),
    databaseUrl,
    demo: env.DEMO !== '0',
    seedPassword: env.SEED_PASSWORD ?? 'demo',
    signingKeyPath: env.PACKAGE_SIGNING_KEY,
    ...(delivery ? { delivery } : {}),
    log: (line) => console.log(line),
  });
  console.log(`Hệ thống thông tin báo cáo: ${server.url} (database ${databaseUrl})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof TemplateLoadError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
