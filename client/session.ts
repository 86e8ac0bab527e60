// createSession(api): who is logged in, whether the server runs on demo data (and its users to try), and
// logging in and out. The first question goes to GET /api/session, which answers 200 signed out too, so a
// fresh page load logs no 401.
import { createSignal } from 'solid-js';
import type { Me, Session as SessionInfo } from '../schema/api';
import type { Api } from './api';
import { forgetOfflineData, rememberSession } from './offline/register-sw';

export type SessionState = 'checking' | 'anonymous' | 'signed-in' | 'unreachable';

export function createSession(api: Api) {
  const [me, setMe] = createSignal<Me>();
  const [state, setState] = createSignal<SessionState>('checking');
  const [demo, setDemo] = createSignal<SessionInfo['demo']>(null);
  const [bootError, setBootError] = createSignal<unknown>();

  async function refresh(): Promise<void> {
    setBootError(undefined);
    try {
      const session = await api.session();
      setDemo(session.demo);
      setMe(session.me);
      setState(session.signedIn && session.me ? 'signed-in' : 'anonymous');
    } catch (e) {
      setMe(undefined);
      setBootError(e);
      setState('unreachable');
    }
  }

  async function login(username: string, password: string): Promise<void> {
    await api.login(username, password);
    setMe(await api.me());
    setState('signed-in');
    rememberSession();
  }

  async function logout(): Promise<void> {
    try {
      await api.logout();
    } finally {
      setMe(undefined);
      setState('anonymous');
      void forgetOfflineData();
    }
  }

  /** The server said 401 mid-session: the cookie expired. */
  function expire(): void {
    if (state() === 'signed-in') {
      setMe(undefined);
      setState('anonymous');
    }
  }

  return { me, state, isDemo: () => demo() !== null, demo, bootError, refresh, login, logout, expire };
}

export type Session = ReturnType<typeof createSession>;
