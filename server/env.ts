// What every handler can reach: the app's dependencies and the logged-in user.
import type { SessionUser } from './auth/sessions';
import type { LoginThrottle } from './auth/throttle';
import type { Store } from './db/client';
import type { UnitTrees } from './db/units';
import type { PackageSigner } from './exchange/signing';
import type { HolidayCalendarSource } from './holidays';
import type { TemplateRegistry } from './templates/registry';
import type { Workers } from './workers/pool';

export interface AppDeps {
  store: Store;
  templates: TemplateRegistry;
  unitTrees: UnitTrees;
  holidays: HolidayCalendarSource;
  /** The time now; tests pin it. */
  clock: () => Date;
  /** The database holds the demo seed. */
  demo: boolean;
  /** Worker threads for recomputes and exports; absent, they run in-process (tests, in-memory databases). */
  workers?: Workers;
  /** Force the cookie's Secure flag on or off; by default it is set when the request came over HTTPS. */
  secureCookies?: boolean;
  /** Signs every package with the province's key (PACKAGE_SIGNING_KEY); unsigned without one. */
  signer?: PackageSigner;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (the server runs behind a reverse proxy). */
  trustProxy?: boolean;
  /** Origins besides the server's own whose pages may change data (the public URL behind a proxy). */
  allowedOrigins?: string[];
  /** Failed logins per user and address; createApp makes one when none is given. */
  loginThrottle?: LoginThrottle;
}

/** The dependencies as handlers see them, with the defaults createApp filled in. */
export type RequestDeps = AppDeps & { loginThrottle: LoginThrottle };

export interface AppEnv {
  Variables: {
    deps: RequestDeps;
    user: SessionUser | undefined;
  };
}
