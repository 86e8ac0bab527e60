// Login throttling: failed attempts counted per username and per client address over a sliding window;
// past the limit a login answers 429 with Retry-After until the oldest failure leaves the window. Kept
// in memory: one process owns the embedded database, and a restart forgetting counts is harmless.

export interface ThrottleOptions {
  /** Failures allowed per username within the window. */
  perUser: number;
  /** Failures allowed per client address within the window (many users behind one NAT share it). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { perUser: 5, perAddress: 30, windowMs: 15 * 60_000 };

export interface LoginThrottle {
  /** Seconds to wait before trying again, or 0 when an attempt may go ahead. */
  retryAfter(username: string, address: string, now: number): number;
  fail(username: string, address: string, now: number): void;
  succeed(username: string): void;
}

export function createLoginThrottle(options: ThrottleOptions = DEFAULT_THROTTLE): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  const wait = (key: string, limit: number, now: number) => {
    const times = recent(key, now);
    return times.length < limit ? 0 : Math.ceil((times[times.length - limit]! + options.windowMs - now) / 1000);
  };
  return {
    retryAfter: (username, address, now) =>
      Math.max(wait(`u:${username.toLowerCase()}`, options.perUser, now), wait(`a:${address}`, options.perAddress, now)),
    fail(username, address, now) {
      for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) failures.set(key, [...recent(key, now), now]);
      // Bound memory against a flood of made-up usernames: forget the oldest keys.
      if (failures.size > 50_000) for (const key of [...failures.keys()].slice(0, 10_000)) failures.delete(key);
    },
    succeed: (username) => void failures.delete(`u:${username.toLowerCase()}`),
  };
}
