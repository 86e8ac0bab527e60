// A page kept from the previous release whose chunk is gone reloads once into the current build, and
// does not reload again within a minute (a chunk missing for another reason shows its error).
import { describe, expect, it } from 'vitest';
import { reloadOnMissingChunk, type StaleBuildHost } from '../../client/stale-build';

function fakeHost() {
  const target = new EventTarget();
  const data = new Map<string, string>();
  const host = {
    clock: 1_000_000,
    reloads: 0,
    addEventListener: (type: string, listener: (e: Event) => void) => target.addEventListener(type, listener),
    reload: () => void host.reloads++,
    storage: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) },
    now: () => host.clock,
  };
  const fire = () => {
    const event = new Event('vite:preloadError', { cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  };
  return { host: host as StaleBuildHost & typeof host, fire };
}

describe('reloadOnMissingChunk', () => {
  it('reloads once on a missing chunk and keeps the error from being thrown', () => {
    const { host, fire } = fakeHost();
    reloadOnMissingChunk(host);
    expect(fire()).toBe(true);
    expect(host.reloads).toBe(1);
  });

  it('lets the error through instead of reloading again within a minute, and reloads again after it', () => {
    const { host, fire } = fakeHost();
    reloadOnMissingChunk(host);
    fire();
    host.clock += 10_000;
    expect(fire()).toBe(false);
    expect(host.reloads).toBe(1);
    host.clock += 60_000;
    expect(fire()).toBe(true);
    expect(host.reloads).toBe(2);
  });
});
