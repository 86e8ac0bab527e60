// What every handler can reach: the app's dependencies and the logged-in user.
import type { SessionUser } from './auth/sessions';
import type { Store } from './db/client';
import type { UnitTrees } from './db/units';
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
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: SessionUser | undefined;
  };
}
