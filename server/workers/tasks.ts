// What runs in the worker threads (see pool.ts): a period's roll-up recompute and the Excel package,
// each through the worker's own connection to the database file and the same code the server runs.
import { Writable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';
import { templateVersions } from '../../schema/db';
import type { Round } from '../../schema/template';
import type { SessionUser } from '../auth/sessions';
import { openStore, type Store } from '../db/client';
import { createUnitTrees } from '../db/units';
import type { AppDeps } from '../env';
import { openExport } from '../export/export-data';
import { resolveRollupScope } from '../services/aggregate';
import { streamWorkbook } from '../export/xlsx';
import { createHolidaySource } from '../holidays';
import type { Include } from '../services/rollup';
import { rebuildPeriod } from '../services/rollup-build';
import { checkTemplateBody } from '../templates/read-templates';
import { createTemplateRegistry } from '../templates/registry';

export interface RebuildTask {
  url: string;
  templateId: string;
  periodId: string;
  now: string;
}

export interface ExportTask {
  url: string;
  user: SessionUser;
  templateId: string;
  periodId: string;
  unitCode: string;
  include: Include;
  round: Round;
  now: string;
  /** Chunks of the workbook go out here; the other end answers 'ack' for each one it has taken. */
  port: MessagePort;
}

const stores = new Map<string, Promise<Store>>();

/** The worker's dependencies: the templates as the server recorded them, units and holidays read fresh. */
async function depsFor(url: string, now: Date): Promise<AppDeps> {
  let opened = stores.get(url);
  if (!opened) stores.set(url, (opened = openStore(url, { migrate: false })));
  const store = await opened;
  const holidays = createHolidaySource(store.db);
  const calendar = await holidays.calendar();
  const bodies = await store.db.select().from(templateVersions);
  const templates = createTemplateRegistry(bodies.map((b) => checkTemplateBody(JSON.parse(b.body), `database (${b.templateId} version ${b.version})`, calendar)));
  return { store, templates, unitTrees: createUnitTrees(store.db), holidays, clock: () => now, demo: false };
}

export async function rebuildRollups(task: RebuildTask): Promise<void> {
  const deps = await depsFor(task.url, new Date(task.now));
  await deps.store.write((tx) => rebuildPeriod(tx, deps.templates, task.templateId, task.periodId, task.now));
}

/** At most this many chunks travel unacknowledged: the worker never runs far ahead of the network. */
const IN_FLIGHT = 8;
/** Bytes gathered before a chunk is posted: the zip writer hands over a few bytes at a time. */
const CHUNK_BYTES = 64 * 1024;

export async function exportWorkbook(task: ExportTask): Promise<void> {
  const now = new Date(task.now);
  const deps = await depsFor(task.url, now);
  const { port } = task;
  let inFlight = 0;
  let waiting: (() => void) | undefined;
  port.on('message', () => {
    inFlight--;
    waiting?.();
    waiting = undefined;
  });
  let pending: Buffer[] = [];
  let size = 0;
  const post = () => {
    if (size === 0) return;
    const chunk = new Uint8Array(Buffer.concat(pending, size));
    pending = [];
    size = 0;
    inFlight++;
    port.postMessage(chunk, [chunk.buffer]);
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK_BYTES) post();
      done();
    },
    final(done) {
      post();
      done();
    },
  });
  // After each sheet: wait while the other end has not taken what was sent.
  const pace = async () => {
    while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => (waiting = resolve));
  };
  try {
    const scope = await resolveRollupScope(deps, task.user, { template: task.templateId, period: task.periodId, unit: task.unitCode });
    const { head, reports } = await openExport(deps, scope, task.include, task.round);
    await streamWorkbook(head, reports(), now, sink, pace);
    await new Promise<void>((resolve) => sink.end(resolve));
  } finally {
    port.close();
  }
}
