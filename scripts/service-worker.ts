// A Vite plugin that builds client/offline/sw.ts to /sw.js (a fixed name, at the root, so its scope is the
// whole app) and writes into it the files of this build to keep and a version that changes with them.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const SOURCE = resolve(import.meta.dirname, '../client/offline/sw.ts');
/** What the shell needs offline: scripts, styles and the page; not source maps or compressed copies. */
const KEPT = /\.(?:js|css|woff2?|svg|png)$/;

export function serviceWorker(): Plugin {
  return {
    name: 'service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: SOURCE, fileName: 'sw.js' });
    },
    generateBundle(_options, bundle) {
      const worker = bundle['sw.js'];
      if (!worker || worker.type !== 'chunk') return;
      const files = Object.keys(bundle).filter((name) => name !== 'sw.js' && KEPT.test(name)).sort();
      const list = files.map((f) => `/${f}`);
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      worker.code = worker.code.replace('__SW_PRECACHE__', list.join(',')).replace('__SW_VERSION__', version);
    },
  };
}
