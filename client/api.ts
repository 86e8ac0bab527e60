// The only module that talks to the server: typed calls for each route of docs/api.md.
import type {
  Aggregate,
  ApiErrorBody,
  ApproveAllResult,
  AuditEntry,
  CellChange,
  CommentOut,
  FormUploadPreview,
  FormUploadSaved,
  Health,
  Issue,
  Me,
  OutboxItem,
  PeriodInfo,
  PutValuesBody,
  Report,
  ReportListItem,
  SaveResult,
  Session,
  TemplateSummary,
  TemplatePreview,
  TemplateVersion,
  RoleInput,
  UnitNode,
  UserOut,
  WorkflowResult,
  WorklistItem,
} from '../schema/api';
import type { DashboardCompare, DashboardSeries, DashboardStatus, DashboardTimeliness } from '../schema/dashboard';
import type { Round } from '../schema/template';

/** A failed call. status 0 means the server was not reached (offline, DNS, timeout). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Api {
  health(): Promise<Health>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  me(): Promise<Me>;
  /** Who is signed in, answered without an error when nobody is; the demo's users in demo mode. */
  session(): Promise<Session>;
  worklist(): Promise<WorklistItem[]>;
  templates(): Promise<TemplateSummary[]>;
  periods(template: string, year: number): Promise<PeriodInfo[]>;
  /** The unit hierarchy in force on `at` (YYYY-MM-DD). */
  units(at: string): Promise<UnitNode[]>;
  /** With `where`, the version's lists written out for that period (and unit's own report). */
  templateVersion(id: string, version: number, where?: { period: string; unit?: string }): Promise<TemplateVersion>;
  /** An admin's preview of a version for a period, before it is in force. */
  templatePreview(id: string, version: number, period: string): Promise<TemplatePreview>;
  /** With `under`: only the units that must report for that unit's roll-up (itself when it reports). */
  reports(template: string, period: string, under?: string): Promise<ReportListItem[]>;
  report(template: string, period: string, unit: string): Promise<Report>;
  /**
   * Starts the report's requests before anyone asks (a page opened at a report's address, while the
   * session is still being checked): the page's own calls then take these answers instead of waiting a
   * round trip more. `templateVersion`: the version the report had last time, when known.
   */
  warmReport(template: string, period: string, unit: string, templateVersion?: number): void;
  history(template: string, period: string, unit: string): Promise<AuditEntry[]>;
  putValues(template: string, period: string, unit: string, body: PutValuesBody): Promise<SaveResult>;
  submit(template: string, period: string, unit: string): Promise<WorkflowResult>;
  approve(template: string, period: string, unit: string): Promise<WorkflowResult>;
  returnReport(template: string, period: string, unit: string, reason: string): Promise<WorkflowResult>;
  aggregate(template: string, period: string, unit: string, include: 'approved' | 'submitted'): Promise<Aggregate>;
  exportUrl(template: string, period: string, unit: string, format: 'xlsx' | 'json', include?: 'approved' | 'submitted'): string;
  /** The delivery outbox (province head, admin). */
  outbox(): Promise<OutboxItem[]>;

  // Who may do what (issue 7): review, users and roles, one's own password.
  agencies(at: string): Promise<UnitNode[]>;
  comments(template: string, period: string, unit: string): Promise<CommentOut[]>;
  addComment(template: string, period: string, unit: string, comment: { row?: string; col?: string; text: string }): Promise<CommentOut>;
  changes(template: string, period: string, unit: string): Promise<CellChange[]>;
  approveAll(template: string, period: string, under: string): Promise<ApproveAllResult>;
  users(): Promise<UserOut[]>;
  createUser(user: { username: string; name: string; password: string; roles: RoleInput[] }): Promise<UserOut>;
  patchUser(username: string, patch: { name?: string; active?: boolean; password?: string; roles?: RoleInput[] }): Promise<UserOut>;
  changePassword(current: string, next: string): Promise<void>;
  /** The form as a workbook (api.md GET /api/forms/…xlsx); `below`: a sheet per unit below. */
  formUrl(template: string, period: string, unit: string, below?: boolean): string;
  /** Uploads a filled form workbook: a preview saves nothing; otherwise saved on `revision` (If-Match). */
  previewForm(template: string, period: string, unit: string, file: Blob): Promise<FormUploadPreview>;
  saveForm(template: string, period: string, unit: string, file: Blob, revision?: number): Promise<FormUploadSaved>;

  // Dashboards (issue 12).
  dashboardStatus(template: string, period: string, under: string): Promise<DashboardStatus>;
  dashboardTimeliness(template: string, under: string, options?: { to?: string; periods?: number }): Promise<DashboardTimeliness>;
  dashboardSeries(q: { template: string; unit: string; row: string; col?: string; from?: string; to?: string; include?: 'approved' | 'submitted' }): Promise<DashboardSeries>;
  dashboardCompare(q: { template: string; period: string; under: string; row: string; col?: string; include?: 'approved' | 'submitted' }): Promise<DashboardCompare>;

  /**
   * The same api, with every call about one report (and its roll-up and packages, the units-below bulk
   * approval, the form workbook and the dashboards) in `round`: a template with a preliminary round
   * (số ước) keeps it apart from the official one (issue 11).
   */
  forRound(round: Round): Api;
}

/** A query string from the defined entries of an object. */
const queryOf = (q: Record<string, string | number | undefined>) =>
  Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${enc(String(v))}`)
    .join('&');

export interface ApiOptions {
  base?: string;
  fetch?: typeof fetch;
  /** Slow rural connections are normal; only a dead one should fail. */
  timeoutMs?: number;
  /** Called on any 401, so the app can send the user back to the login form. */
  onUnauthorized?: () => void;
}

const enc = encodeURIComponent;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const reportPath = (t: string, p: string, u: string) => `/reports/${enc(t)}/${enc(p)}/${enc(u)}`;

export function createApi(options: ApiOptions = {}): Api {
  const base = options.base ?? '/api';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 60_000;
  // Template versions never change once published, so one fetch per session is enough.
  const templateCache = new Map<string, Promise<TemplateVersion>>();
  // GETs started early (warmReport), each taken once by the first call for its path while still fresh:
  // an answer that waited longer than that (a login form in between) is fetched again.
  const early = new Map<string, { at: number; answer: Promise<unknown> }>();
  const EARLY_FOR_MS = 15_000;

  function get<T>(path: string): Promise<T> {
    const started = early.get(path);
    early.delete(path);
    if (started && Date.now() - started.at < EARLY_FOR_MS) return started.answer as Promise<T>;
    return call<T>('GET', path);
  }

  function startEarly(path: string): void {
    const answer = call('GET', path);
    // Nobody may take it (signed out): its failure is nobody's error.
    answer.catch(() => early.delete(path));
    early.set(path, { at: Date.now(), answer });
  }

  const templateVersionPath = (id: string, version: number, where: { period: string; unit?: string }) =>
    `/templates/${enc(id)}/versions/${version}?period=${enc(where.period)}${where.unit ? `&unit=${enc(where.unit)}` : ''}`;

  /** `raw`: a body sent as it is (a workbook), with its own headers, instead of JSON. */
  async function call<T>(method: string, path: string, body?: unknown, raw?: { body: Blob; headers: Record<string, string> }): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    try {
      res = await doFetch(base + path, {
        method,
        credentials: 'same-origin',
        headers: raw
          ? { accept: 'application/json', ...raw.headers }
          : body === undefined
            ? { accept: 'application/json' }
            : { accept: 'application/json', 'content-type': 'application/json' },
        body: raw ? raw.body : body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (e) {
      const aborted = controller.signal.aborted;
      throw new ApiError(0, aborted ? 'timeout' : 'network', e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }
    const text = await res.text().catch(() => '');
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
    }
    if (!res.ok) {
      const err = (data as Partial<ApiErrorBody> | undefined)?.error;
      if (res.status === 401 && path !== '/auth/login') options.onUnauthorized?.();
      throw new ApiError(res.status, err?.code ?? 'unknown', err?.message ?? res.statusText, err?.issues ?? []);
    }
    return data as T;
  }

  /** The calls about one report, its roll-up and packages, in a round (no query for the official one). */
  const inRound = (round: Round) => {
    const q = (sep: '?' | '&') => (round === 'official' ? '' : `${sep}round=${round}`);
    return {
      reports: (template: string, period: string, under?: string) =>
        call<ReportListItem[]>('GET', `/reports?template=${enc(template)}&period=${enc(period)}${under === undefined ? '' : `&under=${enc(under)}`}${q('&')}`),
      report: (t: string, p: string, u: string) => get<Report>(reportPath(t, p, u) + q('?')),
      warmReport: (t: string, p: string, u: string, version?: number) => {
        startEarly(reportPath(t, p, u) + q('?'));
        if (version !== undefined) startEarly(templateVersionPath(t, version, { period: p, unit: u }));
      },
      history: (t: string, p: string, u: string) => call<AuditEntry[]>('GET', `${reportPath(t, p, u)}/history${q('?')}`),
      putValues: (t: string, p: string, u: string, body: PutValuesBody) => call<SaveResult>('PUT', `${reportPath(t, p, u)}/values${q('?')}`, body),
      submit: (t: string, p: string, u: string) => call<WorkflowResult>('POST', `${reportPath(t, p, u)}/submit${q('?')}`),
      approve: (t: string, p: string, u: string) => call<WorkflowResult>('POST', `${reportPath(t, p, u)}/approve${q('?')}`),
      returnReport: (t: string, p: string, u: string, reason: string) => call<WorkflowResult>('POST', `${reportPath(t, p, u)}/return${q('?')}`, { reason }),
      aggregate: (t: string, p: string, u: string, include: 'approved' | 'submitted') => call<Aggregate>('GET', `/aggregates/${enc(t)}/${enc(p)}/${enc(u)}?include=${include}${q('&')}`),
      exportUrl: (t: string, p: string, u: string, format: 'xlsx' | 'json', include?: 'approved' | 'submitted') =>
        `${base}/exports/${enc(t)}/${enc(p)}/${enc(u)}.${format}${include ? `?include=${include}${q('&')}` : q('?')}`,
      comments: (t: string, p: string, u: string) => call<CommentOut[]>('GET', `${reportPath(t, p, u)}/comments${q('?')}`),
      addComment: (t: string, p: string, u: string, comment: { row?: string; col?: string; text: string }) => call<CommentOut>('POST', `${reportPath(t, p, u)}/comments${q('?')}`, comment),
      changes: (t: string, p: string, u: string) => call<CellChange[]>('GET', `${reportPath(t, p, u)}/changes${q('?')}`),
      approveAll: (t: string, p: string, under: string) => call<ApproveAllResult>('POST', `/reports/${enc(t)}/${enc(p)}/approve-all?under=${enc(under)}${q('&')}`),
      // The form workbook of the round: its hidden sheet records the round, and an upload into the other one is refused.
      formUrl: (t: string, p: string, u: string, below?: boolean) => `${base}/forms/${enc(t)}/${enc(p)}/${enc(u)}.xlsx${below ? `?units=below${q('&')}` : q('?')}`,
      previewForm: (t: string, p: string, u: string, file: Blob) =>
        call<FormUploadPreview>('POST', `/forms/${enc(t)}/${enc(p)}/${enc(u)}.xlsx?preview=true${q('&')}`, undefined, { body: file, headers: { 'content-type': XLSX_TYPE } }),
      saveForm: (t: string, p: string, u: string, file: Blob, revision?: number) =>
        call<FormUploadSaved>('POST', `/forms/${enc(t)}/${enc(p)}/${enc(u)}.xlsx${q('?')}`, undefined, {
          body: file,
          headers: { 'content-type': XLSX_TYPE, ...(revision === undefined ? {} : { 'if-match': String(revision) }) },
        }),
      dashboardStatus: (template: string, period: string, under: string) => call<DashboardStatus>('GET', `/dashboard/status?${queryOf({ template, period, under })}${q('&')}`),
      dashboardTimeliness: (template: string, under: string, options: { to?: string; periods?: number } = {}) =>
        call<DashboardTimeliness>('GET', `/dashboard/timeliness?${queryOf({ template, under, ...options })}${q('&')}`),
      dashboardSeries: (qs: Parameters<Api['dashboardSeries']>[0]) => call<DashboardSeries>('GET', `/dashboard/series?${queryOf(qs)}${q('&')}`),
      dashboardCompare: (qs: Parameters<Api['dashboardCompare']>[0]) => call<DashboardCompare>('GET', `/dashboard/compare?${queryOf(qs)}${q('&')}`),
    } satisfies Partial<Api>;
  };

  const api: Api = {
    health: () => call('GET', '/health'),
    login: async (username, password) => {
      await call('POST', '/auth/login', { username, password });
    },
    logout: async () => {
      await call('POST', '/auth/logout');
    },
    me: () => call('GET', '/me'),
    templatePreview: (id, version, period) => call('GET', `/templates/${enc(id)}/versions/${version}/preview?period=${enc(period)}`),
    session: () => call('GET', '/session'),
    worklist: () => call('GET', '/worklist'),
    templates: () => call('GET', '/templates'),
    periods: (template, year) => call('GET', `/periods?template=${enc(template)}&year=${year}`),
    units: (at) => call('GET', `/units?at=${enc(at)}`),
    templateVersion: (id, version, where) => {
      // Lists written out for a period's hierarchy (and a unit's own report, its open lists' rows).
      if (where) return get<TemplateVersion>(templateVersionPath(id, version, where));
      const key = `${id}@${version}`;
      let p = templateCache.get(key);
      if (!p) {
        p = call<TemplateVersion>('GET', `/templates/${enc(id)}/versions/${version}`);
        p.catch(() => templateCache.delete(key));
        templateCache.set(key, p);
      }
      return p;
    },
    ...inRound('official'),
    outbox: () => call('GET', '/outbox'),

    agencies: (at) => call('GET', `/units?at=${enc(at)}&kind=agency`),
    users: () => call('GET', '/users'),
    createUser: (user) => call('POST', '/users', user),
    patchUser: (username, patch) => call('PATCH', `/users/${enc(username)}`, patch),
    changePassword: async (current, next) => {
      await call('POST', '/me/password', { current, next });
    },
    forRound: (round) => ({ ...api, ...inRound(round) }),
  };
  return api;
}
