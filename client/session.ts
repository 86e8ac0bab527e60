// createSession(api): who is logged in, whether the server runs on demo data, and logging in and out.
import { createSignal } from 'solid-js';
import type { Me } from '../schema/api';
import { ApiError, type Api } from './api';

export type SessionState = 'checking' | 'anonymous' | 'signed-in' | 'unreachable';

export function createSession(api: Api) {
  const [me, setMe] = createSignal<Me>();
  const [state, setState] = createSignal<SessionState>('checking');
  const [isDemo, setDemo] = createSignal(false);
  const [bootError, setBootError] = createSignal<unknown>();

  async function refresh(): Promise<void> {
    setBootError(undefined);
    // The demo flag is a label only: a failed health check must not keep anyone out.
    api.health().then((h) => setDemo(h.demo === true), () => undefined);
    try {
      setMe(await api.me());
      setState('signed-in');
    } catch (e) {
      setMe(undefined);
      if (e instanceof ApiError && e.status === 401) {
        setState('anonymous');
      } else {
        setBootError(e);
        setState('unreachable');
      }
    }
  }

  async function login(username: string, password: string): Promise<void> {
    await api.login(username, password);
    setMe(await api.me());
    setState('signed-in');
  }

  async function logout(): Promise<void> {
    try {
      await api.logout();
    } finally {
      setMe(undefined);
      setState('anonymous');
    }
  }

  /** The server said 401 mid-session: the cookie expired. */
  function expire(): void {
    if (state() === 'signed-in') {
      setMe(undefined);
      setState('anonymous');
    }
  }

  return { me, state, isDemo, bootError, refresh, login, logout, expire };
}

export type Session = ReturnType<typeof createSession>;
