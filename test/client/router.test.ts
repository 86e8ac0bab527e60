// The hash router: routes parse from and print to location.hash, and follow back/forward.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { createHashRouter, hrefFor, matchPath, parseHash, type Route } from '../../client/router';

describe('parseHash', () => {
  it.each<[string, Route]>([
    ['', { name: 'worklist' }],
    ['#/', { name: 'worklist' }],
    ['#/login', { name: 'login' }],
    ['#/reports/bieu-06-vpcp-kstt/2025Q1/05971', { name: 'report', template: 'bieu-06-vpcp-kstt', period: '2025Q1', unit: '05971' }],
    ['#/reports/bieu-06-vpcp-kstt/2025Q1/178?tab=below', { name: 'report', template: 'bieu-06-vpcp-kstt', period: '2025Q1', unit: '178', tab: 'below' }],
    ['#/reports/bieu-06-vpcp-kstt/2025Q1/05971?tab=history', { name: 'report', template: 'bieu-06-vpcp-kstt', period: '2025Q1', unit: '05971', tab: 'history' }],
    ['#/reports/a/b/c?tab=nonsense', { name: 'report', template: 'a', period: 'b', unit: 'c' }],
    ['#/reports/a%20b/2025/20', { name: 'report', template: 'a b', period: '2025', unit: '20' }],
    ['#/reports/only/two', { name: 'not-found', path: '/reports/only/two' }],
    ['#/nowhere', { name: 'not-found', path: '/nowhere' }],
  ])('reads %s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('prints what it parses', () => {
    const routes: Route[] = [
      { name: 'worklist' },
      { name: 'login' },
      { name: 'report', template: 'bieu-06-vpcp-kstt', period: '2025Q1', unit: '05971' },
      { name: 'report', template: 't/x', period: '2025Q1', unit: '178', tab: 'aggregate' },
    ];
    for (const r of routes) expect(parseHash(hrefFor(r))).toEqual(r);
  });

  it('writes a chosen form tab into the address, and no tab when none was chosen', () => {
    // A head's report page opens on the units below by default: the form tab must be asked for by name.
    expect(hrefFor({ name: 'report', template: 't', period: 'p', unit: 'u', tab: 'form' })).toBe('#/reports/t/p/u?tab=form');
    expect(parseHash(hrefFor({ name: 'report', template: 't', period: 'p', unit: 'u', tab: 'form' }))).toMatchObject({ tab: 'form' });
    expect(hrefFor({ name: 'report', template: 't', period: 'p', unit: 'u' })).toBe('#/reports/t/p/u');
  });

  it('matchPath refuses a malformed escape instead of throwing', () => {
    expect(matchPath([':a'], '/%E0%A4%A')).toBeUndefined();
  });
});

describe('createHashRouter', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('follows the address and writes it on navigate', async () => {
    window.location.hash = '#/reports/t/2025Q1/05971';
    await createRoot(async (dispose) => {
      const router = createHashRouter(window);
      expect(router.route()).toEqual({ name: 'report', template: 't', period: '2025Q1', unit: '05971' });

      router.navigate({ name: 'worklist' });
      expect(window.location.hash).toBe('#/');
      expect(router.route()).toEqual({ name: 'worklist' });

      window.location.hash = '#/login';
      await new Promise((r) => setTimeout(r, 0));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      expect(router.route()).toEqual({ name: 'login' });
      router.dispose();
      dispose();
    });
  });
});
