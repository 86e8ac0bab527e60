// A Vite plugin that builds client/offline/sw.ts to /sw.js (a fixed name, at the root, so its scope is the
// whole app) and writes into it the files of this build to keep and a version that changes with them.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const SOURCE = resolve(import.meta.dirname, '../client/offline/sw.ts');
/** What the shell needs offline: scripts, styles and the page; not source maps or compressed copies. */
const KEPT = /\.(?:js|css|woff2?|svg|png)$/;
/**
 * Kept at install: the entry and the report page with its tabs (what an officer needs to work offline);
 * admin, outbox and dashboards are kept when first opened, so installing costs a weak link little.
 */
const AT_INSTALL = /[\\/]client[\\/](main\.tsx|views[\\/]Report[\\/])/;

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
      const wanted = new Set<string>();
      const add = (name: string) => {
        const item = bundle[name];
        if (!item || wanted.has(name)) return;
        wanted.add(name);
        if (item.type !== 'chunk') return;
        item.imports.forEach(add);
        const css = (item as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata?.importedCss;
        css?.forEach(add);
      };
      for (const [name, item] of Object.entries(bundle)) {
        if (item.type === 'chunk' && name !== 'sw.js' && (item.isEntry || AT_INSTALL.test(item.facadeModuleId ?? ''))) add(name);
      }
      const files = [...wanted].filter((name) => KEPT.test(name)).sort();
      const list = files.map((f) => `/${f}`);
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      worker.code = worker.code.replace('__SW_PRECACHE__', list.join(',')).replace('__SW_VERSION__', version);
    },
  };
}
