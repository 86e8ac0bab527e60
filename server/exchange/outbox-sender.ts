// Delivers the outbox to GOV_ENDPOINT one packet at a time in approval order, with retries and
// exponential backoff. A packet is marked "sent" (and committed) before it is posted, so a process
// killed mid-delivery resends it on restart under the same Idempotency-Key: nothing is lost, and the
// receiver, which counts a key once, sees nothing twice.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { outbox } from '../../schema/db';
import type { Store } from '../db/client';
import { SIGNATURE_HEADER } from './signing';

export interface SenderOptions {
  endpoint: string;
  /** Bearer token for the receiver, when it wants one (GOV_TOKEN). */
  token?: string;
  /** How long one POST may take before it counts as failed. */
  timeoutMs: number;
  /** The first retry waits this long; each further one twice as long, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How often an idle sender looks for new packets. */
  pollMs: number;
  log?: (line: string) => void;
}

export type Outcome = { kind: 'idle' } | { kind: 'wait'; ms: number } | { kind: 'accepted' | 'refused' | 'retry'; id: number };

export interface OutboxSender {
  /** Delivers (or tries) the next packet in order, if it is due. */
  deliverNext(): Promise<Outcome>;
  start(): void;
  stop(): Promise<void>;
}

export function createOutboxSender(store: Store, clock: () => Date, options: SenderOptions): OutboxSender {
  const log = options.log ?? (() => undefined);
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function deliverNext(): Promise<Outcome> {
    // Strict order: the oldest packet not yet answered goes first, and those after it wait for it.
    const [head] = await store.db
      .select()
      .from(outbox)
      .where(inArray(outbox.status, ['waiting', 'sent']))
      .orderBy(asc(outbox.id))
      .limit(1);
    if (!head) return { kind: 'idle' };
    const now = clock();
    if (head.status === 'waiting' && head.nextAttemptAt && new Date(head.nextAttemptAt) > now) {
      return { kind: 'wait', ms: new Date(head.nextAttemptAt).getTime() - now.getTime() };
    }
    const attempts = head.attempts + 1;
    await store.write((tx) => tx.update(outbox).set({ status: 'sent', attempts, sentAt: now.toISOString() }).where(eq(outbox.id, head.id)));

    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': head.idempotencyKey };
    if (head.signature) headers[SIGNATURE_HEADER] = `ed25519 ${head.signature}`;
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let verdict: { kind: 'accepted' } | { kind: 'refused'; reason: string } | { kind: 'retry'; error: string };
    try {
      const res = await fetch(options.endpoint, { method: 'POST', headers, body: head.body, signal: AbortSignal.timeout(options.timeoutMs) });
      const text = await res.text();
      if (res.ok) verdict = { kind: 'accepted' };
      else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) verdict = { kind: 'refused', reason: reasonOf(text, res.status) };
      else verdict = { kind: 'retry', error: `HTTP ${res.status}: ${text.slice(0, 300)}` };
    } catch (error) {
      verdict = { kind: 'retry', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }

    const at = clock().toISOString();
    const still = and(eq(outbox.id, head.id), eq(outbox.status, 'sent'));
    if (verdict.kind === 'accepted') {
      await store.write((tx) => tx.update(outbox).set({ status: 'accepted', decidedAt: at, lastError: null }).where(still));
    } else if (verdict.kind === 'refused') {
      await store.write((tx) => tx.update(outbox).set({ status: 'refused', decidedAt: at, refusalReason: verdict.reason }).where(still));
      log(`outbox: packet ${head.id} refused: ${verdict.reason}`);
    } else {
      const delay = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempts - 1));
      const next = new Date(clock().getTime() + delay).toISOString();
      await store.write((tx) => tx.update(outbox).set({ status: 'waiting', nextAttemptAt: next, lastError: verdict.error }).where(still));
      log(`outbox: packet ${head.id} attempt ${attempts} failed (${verdict.error}); next try in ${delay} ms`);
    }
    return { kind: verdict.kind, id: head.id };
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return {
    deliverNext,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let outcome: Outcome;
          try {
            outcome = await deliverNext();
          } catch (error) {
            // A database hiccup must not stop deliveries for good; try again after a pause.
            log(`outbox: ${error instanceof Error ? error.message : String(error)}`);
            outcome = { kind: 'wait', ms: options.pollMs };
          }
          if (!running) break;
          if (outcome.kind === 'idle') await sleep(options.pollMs);
          else if (outcome.kind === 'wait') await sleep(Math.min(outcome.ms, options.pollMs));
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}

/** The receiver's reason: its error message when it answers in our error shape, else its text. */
function reasonOf(text: string, status: number): string {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body) {
      const error = (body as { error: unknown }).error;
      if (typeof error === 'string') return error.slice(0, 2000);
      if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message.slice(0, 2000);
    }
  } catch {
    // not JSON: the text itself is the reason
  }
  return (text.trim() || `HTTP ${status}`).slice(0, 2000);
}
