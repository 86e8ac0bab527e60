// The application shell: session bootstrap, the bar at the top (demo label, user, language, logout), and
// the page the hash names. The report page, which carries AG Grid, loads only when first opened.
import { createEffect, createSignal, lazy, Match, onCleanup, onMount, Show, Suspense, Switch, untrack } from 'solid-js';
import type { Me } from '../schema/api';
import { createApi } from './api';
import { Loading, ErrorBox } from './components/LoadState';
import { Toasts } from './components/Toasts';
import { locale, setLocale, t } from './i18n';
import { createHashRouter, hrefFor, type Route } from './router';
import { createSession } from './session';
import { rememberedVersion } from './stores/template-hint';
import LoginView from './views/Login/LoginView';
import { loadWorklist } from './views/Worklist/loader';
import WorklistView from './views/Worklist/WorklistView';

// Opened at a report's address (a bookmark, a reload): fetch the grid's code now, alongside the session
// check, rather than after it; on a weak link that overlap is a round trip and most of a second.
if (typeof location !== 'undefined' && location.hash.startsWith('#/reports/')) void import('./views/Report/ReportPage').catch(() => undefined);
const ReportPage = lazy(() => import('./views/Report/ReportPage'));
const OutboxView = lazy(() => import('./views/Outbox/OutboxView'));
const AdminPage = lazy(() => import('./views/Admin/AdminPage'));
const PasswordView = lazy(() => import('./views/Account/PasswordView'));
// The dashboard carries uPlot: its own chunk, fetched only when the page is opened.
const DashboardPage = lazy(() => import('./views/Dashboard/DashboardPage'));

export default function App() {
  const router = createHashRouter();
  onCleanup(() => router.dispose());
  // The api reports a 401 to the session, which is built on the api: the callback runs only after both exist.
  const api = createApi({ onUnauthorized: () => session.expire() });
  const session = createSession(api);
  // Opened at a report's address: its report (and template, when this browser knows the version) are
  // asked for now, beside the session check, not after it.
  const opened = untrack(router.route);
  if (opened.name === 'report') api.warmReport(opened.template, opened.period, opened.unit, rememberedVersion(opened.template, opened.period, opened.unit));
  const [online, setOnline] = createSignal(typeof navigator === 'undefined' ? true : navigator.onLine);

  onMount(() => {
    void session.refresh();
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    onCleanup(() => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    });
  });

  // Fetch the grid's code while the officer reads the worklist, so opening a report on a slow line is quick.
  createEffect(() => {
    if (session.state() === 'signed-in') setTimeout(() => void import('./views/Report/ReportPage').catch(() => undefined), 1500);
  });

  createEffect(() => {
    document.documentElement.lang = locale();
    document.title = t('app.title');
  });

  // A component so the loader runs once per visit, not on every read of a prop.
  const WorklistPage = (props: { me: Me }) => {
    const data = untrack(() => loadWorklist(api, props.me));
    return <WorklistView data={data} navigate={navigate} />;
  };

  const navigate = (to: Route, options?: { replace?: boolean }) => router.navigate(to, options);
  const reportRoute = () => {
    const r = router.route();
    return r.name === 'report' ? r : undefined;
  };
  const dashboardRoute = () => {
    const r = router.route();
    return r.name === 'dashboard' ? r : undefined;
  };
  const adminTab = () => {
    const r = router.route();
    return r.name === 'admin' ? r.tab : undefined;
  };
  // One key per report, so moving to another report builds a fresh page and store.
  const reportKey = () => {
    const r = reportRoute();
    return r ? `${r.template}/${r.period}/${r.unit}/${r.round ?? 'official'}` : undefined;
  };

  return (
    <div class="app">
      <header class="app-bar">
        <a class="brand" href="#/">
          <span class="brand-mark" aria-hidden="true">
            LS
          </span>
          <span>
            <span class="brand-title">{t('app.title')}</span>
            <span class="brand-sub">{t('app.subtitle')}</span>
          </span>
        </a>
        <Show when={session.isDemo()}>
          <span class="demo-badge" title={t('app.demoHint')}>
            {t('app.demo')}
          </span>
        </Show>
        <span class="spacer" />
        <Show when={session.me()}>
          {(me) => (
            <span class="user">
              <span class="user-name">{me().name}</span>
              <Show when={me().unit}>{(u) => <span class="user-unit">{u().name}</span>}</Show>
            </span>
          )}
        </Show>
        <div class="lang" role="group" aria-label={t('app.language')}>
          <button type="button" classList={{ active: locale() === 'vi' }} aria-pressed={locale() === 'vi'} onClick={() => setLocale('vi')}>
            VI
          </button>
          <button type="button" classList={{ active: locale() === 'en' }} aria-pressed={locale() === 'en'} onClick={() => setLocale('en')}>
            EN
          </button>
        </div>
        <Show when={session.me()}>
          {(me) => (
            <nav class="app-nav">
              <a href={hrefFor({ name: 'dashboard' })}>{t('nav.dashboard')}</a>
              <Show when={me().roles.some((r) => r.role === 'admin')}>
                <a href={hrefFor({ name: 'admin' })}>{t('nav.admin')}</a>
              </Show>
              <Show when={me().roles.some((r) => r.role === 'admin' || (r.role === 'head' && r.unit?.level === 'province'))}>
                <a href={hrefFor({ name: 'outbox' })}>{t('outbox.nav')}</a>
              </Show>
              <a href={hrefFor({ name: 'account' })}>{t('nav.account')}</a>
            </nav>
          )}
        </Show>
        <Show when={session.me()}>
          <button type="button" class="btn btn-ghost" onClick={() => void session.logout()}>
            {t('app.logout')}
          </button>
        </Show>
      </header>
      <Show when={session.isDemo()}>
        <div class="demo-strip">{t('app.demoHint')}</div>
      </Show>
      <Show when={!online()}>
        <div class="offline-strip" role="alert">
          {t('app.offline')}
        </div>
      </Show>

      <Switch>
        <Match when={session.state() === 'checking'}>
          <Loading />
        </Match>
        <Match when={session.state() === 'unreachable'}>
          <main class="page">
            <ErrorBox error={session.bootError()} onRetry={() => void session.refresh()} />
          </main>
        </Match>
        <Match when={session.state() === 'anonymous'}>
          <LoginView
            session={session}
            onLoggedIn={() => {
              if (router.route().name === 'login') navigate({ name: 'worklist' }, { replace: true });
            }}
          />
        </Match>
        <Match when={session.me()}>
          {(me) => (
            <Switch fallback={<NotFound />}>
              <Match when={router.route().name === 'worklist' || router.route().name === 'login'}>
                <WorklistPage me={me()} />
              </Match>
              <Match when={router.route().name === 'outbox'}>
                <Suspense fallback={<Loading />}>
                  <OutboxView api={api} />
                </Suspense>
              </Match>
              <Match when={router.route().name === 'admin'}>
                <Suspense fallback={<Loading />}>
                  <AdminPage api={api} tab={adminTab()} navigate={navigate} />
                </Suspense>
              </Match>
              <Match when={dashboardRoute()}>
                {(route) => (
                  <Suspense fallback={<Loading />}>
                    <DashboardPage api={api} me={me()} route={route()} navigate={navigate} />
                  </Suspense>
                )}
              </Match>
              <Match when={router.route().name === 'account'}>
                <Suspense fallback={<Loading />}>
                  <PasswordView api={api} />
                </Suspense>
              </Match>
              <Match when={reportKey()} keyed>
                {(_key) => (
                  <Suspense fallback={<Loading />}>
                    <ReportPage api={api} me={me()} route={reportRoute()!} navigate={navigate} />
                  </Suspense>
                )}
              </Match>
            </Switch>
          )}
        </Match>
      </Switch>
      <Toasts />
    </div>
  );
}

function NotFound() {
  return (
    <main class="page">
      <p class="empty">{t('app.notFound')}</p>
      <a href="#/">{t('app.toWorklist')}</a>
    </main>
  );
}
