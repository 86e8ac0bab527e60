// What every handler can reach: the app's dependencies and the logged-in user.
import type { SessionUser } from './auth/sessions';
import type { Store } from './db/client';
import type { UnitTrees } from './db/units';
import type { PackageSigner } from './exchange/signing';
import type { HolidayCalendarSource } from './holidays';
import type { TemplateRegistry } from './templates/registry';

export interface AppDeps {
  store: Store;
  templates: TemplateRegistry;
  unitTrees: UnitTrees;
  holidays: HolidayCalendarSource;
  /** The time now; tests pin it. */
  clock: () => Date;
  /** The database holds the demo seed. */
  demo: boolean;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** Signs every package with the province's key (PACKAGE_SIGNING_KEY); unsigned without one. */
  signer?: PackageSigner;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: SessionUser | undefined;
  };
}
