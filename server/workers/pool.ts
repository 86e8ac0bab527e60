// Worker threads for what is too heavy for the event loop: a national roll-up recompute and the Excel
// package of many units. tinypool (a small fork of piscina with no dependencies) keeps one thread
// warm and queues the rest: on a 2-core machine one worker beside the event loop is the right number.
import { MessageChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import type { ExportTask, RebuildTask } from './tasks';

export interface Workers {
  rebuildRollups(task: RebuildTask): Promise<void>;
  /** Streams the workbook's bytes as the worker writes them. */
  exportWorkbook(task: Omit<ExportTask, 'port'>): ReadableStream<Uint8Array>;
  close(): Promise<void>;
}

export function createWorkers(options: { threads?: number } = {}): Workers {
  const pool = new Tinypool({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: options.threads ?? 1,
    idleTimeout: 30_000,
  });
  return {
    rebuildRollups: (task) => pool.run(task, { name: 'rebuildRollups' }),
    exportWorkbook(task) {
      const { port1, port2 } = new MessageChannel();
      // A chunk is acknowledged once the response has room for more, so a slow client slows the
      // worker down instead of piling the workbook up in memory.
      let owed = 0;
      return new ReadableStream<Uint8Array>({
        start(controller) {
          port1.on('message', (chunk: Uint8Array) => {
            controller.enqueue(chunk);
            if ((controller.desiredSize ?? 0) > 0) port1.postMessage('ack');
            else owed++;
          });
          void pool.run({ ...task, port: port2 }, { name: 'exportWorkbook', transferList: [port2] }).then(
            () => {
              port1.close();
              controller.close();
            },
            (error: unknown) => {
              port1.close();
              controller.error(error);
            },
          );
        },
        pull() {
          for (; owed > 0; owed--) port1.postMessage('ack');
        },
        cancel() {
          port1.close();
        },
      }, { highWaterMark: 8 });
    },
    close: () => pool.destroy(),
  };
}
