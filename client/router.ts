// A tiny hash router: routes are plain data, parsed from and written to location.hash.
import { createSignal, type Accessor } from 'solid-js';

export const REPORT_TABS = ['form', 'below', 'aggregate', 'history'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

export const ADMIN_TABS = ['users', 'units', 'templates'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

/** What a dashboard's address keeps, so a view can be bookmarked, shared and printed. */
const DASHBOARD_PARAMS = ['template', 'period', 'under', 'row', 'col', 'round'] as const;

export type Route =
  | { name: 'worklist' }
  | { name: 'login' }
  | { name: 'outbox' }
  | { name: 'admin'; tab?: AdminTab }
  | { name: 'account' }
  | { name: 'dashboard'; template?: string; period?: string; under?: string; row?: string; col?: string; round?: string }
  | { name: 'report'; template: string; period: string; unit: string; tab?: ReportTab; round?: 'preliminary' }
  | { name: 'not-found'; path: string };

interface Pattern {
  parts: string[];
  build(params: Record<string, string>, query: URLSearchParams): Route | undefined;
}

const patterns: Pattern[] = [
  { parts: [], build: () => ({ name: 'worklist' }) },
  { parts: ['login'], build: () => ({ name: 'login' }) },
  { parts: ['outbox'], build: () => ({ name: 'outbox' }) },
  { parts: ['account'], build: () => ({ name: 'account' }) },
  {
    parts: ['dashboard'],
    build: (_p, q) => {
      const route: Route = { name: 'dashboard' };
      for (const key of DASHBOARD_PARAMS) {
        const value = q.get(key);
        if (value) route[key] = value;
      }
      return route;
    },
  },
  {
    parts: ['admin'],
    build: (_p, q) => {
      const tab = q.get('tab');
      return tab && (ADMIN_TABS as readonly string[]).includes(tab) ? { name: 'admin', tab: tab as AdminTab } : { name: 'admin' };
    },
  },
  {
    parts: ['reports', ':template', ':period', ':unit'],
    build: (p, q) => {
      const tab = q.get('tab');
      const route: Route = { name: 'report', template: p.template!, period: p.period!, unit: p.unit! };
      if (tab && (REPORT_TABS as readonly string[]).includes(tab)) route.tab = tab as ReportTab;
      // The preliminary round (số ước) of a form that has one; without it, the official figures.
      if (q.get('round') === 'preliminary') route.round = 'preliminary';
      return route;
    },
  },
];

/** Matches "/reports/a/b/c" against ['reports', ':template', …]; undefined when it does not fit. */
export function matchPath(parts: readonly string[], path: string): Record<string, string> | undefined {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(segments[i]!);
    } catch {
      return undefined;
    }
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/** "#/reports/x/2025Q1/05971?tab=below" → the route it names. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const search = new URLSearchParams(query);
  for (const pattern of patterns) {
    const params = matchPath(pattern.parts, path);
    if (params) {
      const route = pattern.build(params, search);
      if (route) return route;
    }
  }
  return { name: 'not-found', path: raw };
}

/** The hash that names a route; the inverse of parseHash. */
export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'worklist':
      return '#/';
    case 'login':
      return '#/login';
    case 'outbox':
      return '#/outbox';
    case 'account':
      return '#/account';
    case 'dashboard': {
      const q = new URLSearchParams();
      for (const key of DASHBOARD_PARAMS) if (route[key]) q.set(key, route[key]);
      const query = q.toString();
      return `#/dashboard${query ? `?${query}` : ''}`;
    }
    case 'admin':
      return `#/admin${route.tab && route.tab !== 'users' ? `?tab=${route.tab}` : ''}`;
    case 'report': {
      const path = ['reports', route.template, route.period, route.unit].map(encodeURIComponent).join('/');
      // An explicit tab, "form" included, stays in the address: without it a head's page opens on the units
      // below, so leaving it out would make "Báo cáo của đơn vị" lead back there.
      const q = new URLSearchParams();
      if (route.tab) q.set('tab', route.tab);
      if (route.round) q.set('round', route.round);
      const query = q.toString();
      return `#/${path}${query ? `?${query}` : ''}`;
    }
    case 'not-found':
      return `#/${route.path.replace(/^\//, '')}`;
  }
}

export interface HashRouter {
  route: Accessor<Route>;
  navigate(to: Route, options?: { replace?: boolean }): void;
  dispose(): void;
}

/** Follows location.hash of `win`; navigate() writes it, so back and forward work as usual. */
export function createHashRouter(win: Window = window): HashRouter {
  const [route, setRoute] = createSignal<Route>(parseHash(win.location.hash));
  const onChange = () => setRoute(parseHash(win.location.hash));
  win.addEventListener('hashchange', onChange);
  return {
    route,
    navigate(to, options) {
      const href = hrefFor(to);
      if (options?.replace) win.history.replaceState(null, '', href);
      else if (win.location.hash !== href) win.history.pushState(null, '', href);
      setRoute(parseHash(href));
    },
    dispose: () => win.removeEventListener('hashchange', onChange),
  };
}
