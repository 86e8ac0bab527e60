// createApp(deps): the whole HTTP API as one Hono app, testable with app.request() and no port.
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { compressText } from './http/compress';
import { loadUser } from './auth/middleware';
import { ApiError } from './errors';
import { noStore, sameOriginOnly, securityHeaders } from './http/security';
import { createLoginThrottle } from './auth/throttle';
import type { AppDeps, AppEnv, RequestDeps } from './env';
import { aggregatesRoutes } from './routes/aggregates';
import { dashboardRoutes } from './routes/dashboard';
import { authRoutes } from './routes/auth';
import { exchangeRoutes } from './routes/exchange';
import { exportsRoutes } from './routes/exports';
import { formsRoutes } from './routes/forms';
import { healthRoutes } from './routes/health';
import { holidaysRoutes } from './routes/holidays';
import { importsRoutes } from './routes/imports';
import { meRoutes } from './routes/me';
import { outboxRoutes } from './routes/outbox';
import { createOpenApiRoutes } from './openapi/routes';
import { periodsRoutes } from './routes/periods';
import { reportReviewRoutes } from './routes/report-review';
import { reportsRoutes } from './routes/reports';
import { usersRoutes } from './routes/users';
import { seriesRoutes } from './routes/series';
import { sessionRoutes } from './routes/session';
import { templatesRoutes } from './routes/templates';
import { unitsRoutes } from './routes/units';
import { worklistRoutes } from './routes/worklist';

export function createApp(appDeps: AppDeps) {
  const deps: RequestDeps = { ...appDeps, loginThrottle: appDeps.loginThrottle ?? createLoginThrottle() };
  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  api.use(
    '*',
    bodyLimit({
      maxSize: 8 * 1024 * 1024,
      onError: () => {
        throw new ApiError(413, 'payload-too-large', 'Dữ liệu gửi lên vượt quá 8 MB.');
      },
    }),
  );
  api.use('*', compressText);
  api.use('*', noStore);
  api.use('*', sameOriginOnly);
  api.use('*', loadUser);
  api.route('/health', healthRoutes);
  api.route('/auth', authRoutes);
  api.route('/me', meRoutes);
  api.route('/units', unitsRoutes);
  api.route('/templates', templatesRoutes);
  api.route('/periods', periodsRoutes);
  api.route('/reports', reportsRoutes);
  api.route('/reports', reportReviewRoutes);
  api.route('/users', usersRoutes);
  api.route('/aggregates', aggregatesRoutes);
  api.route('/exports', exportsRoutes);
  api.route('/forms', formsRoutes);
  api.route('/holidays', holidaysRoutes);
  api.route('/worklist', worklistRoutes);
  api.route('/series', seriesRoutes);
  api.route('/dashboard', dashboardRoutes);
  api.route('/session', sessionRoutes);
  api.route('/exchange', exchangeRoutes);
  api.route('/imports', importsRoutes);
  api.route('/outbox', outboxRoutes);
  api.route('/', createOpenApiRoutes(() => app));
  const notFoundJson = (c: Context) => c.json({ error: { code: 'not-found', message: `Không có đường dẫn ${c.req.path}.` } }, 404);
  const onError = (err: Error, c: Context) => {
    if (err instanceof ApiError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException) {
      // Hono's own exceptions (a body that is not JSON, for one) are the client's fault.
      const status = err.status >= 500 ? 500 : err.status;
      const code = status === 400 ? 'bad-request' : status === 401 ? 'not-logged-in' : 'bad-request';
      return c.json({ error: { code, message: err.message || 'Yêu cầu không hợp lệ.' } }, status);
    }
    console.error(`${c.req.method} ${c.req.path}`, err);
    return c.json({ error: { code: 'internal', message: 'Lỗi máy chủ; dữ liệu của bạn không bị thay đổi.' } }, 500);
  };
  api.notFound(notFoundJson);
  api.onError(onError);

  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders);
  app.route('/api', api);
  // A mounted app's notFound and onError do not reach paths the parent resolves (e.g. a trailing slash).
  app.notFound((c) => (c.req.path.startsWith('/api') ? notFoundJson(c) : c.text('Not found', 404)));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
