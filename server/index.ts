// The process entry of `npm start`: read the environment, start the server, stop cleanly on signals.
import { startServer } from './start';
import { TemplateLoadError } from './templates/registry';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const databaseUrl = env.DATABASE_URL ?? 'file:data/reporting.db';

try {
  const server = await startServer({
    port,
    databaseUrl,
    demo: env.DEMO !== '0',
    seedPassword: env.SEED_PASSWORD ?? 'demo',
    signingKeyPath: env.PACKAGE_SIGNING_KEY,
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
