// GET /api/openapi.json and GET /api/docs: the published description of the API, built from the
// whole app once it is assembled, and a plain page that shows it (server-rendered, no script, no CDN).
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv } from '../env';
import { buildOpenApi } from './spec';

type Routed = Parameters<typeof buildOpenApi>[0];

export function createOpenApiRoutes(root: () => Routed) {
  let cached: Record<string, unknown> | undefined;
  // Routes are all registered before the first request; the description is built once.
  const spec = () => (cached ??= buildOpenApi(root()));
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(spec()))
    .get('/docs', (c) => c.html(docsPage(spec())));
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  security?: unknown[];
}

function docsPage(doc: Record<string, unknown>) {
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const info = doc.info as { title: string; description: string };
  const rows = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op, tag: op.tags?.[0] ?? 'other' })),
  );
  const tags = [...new Set(rows.map((r) => r.tag))];
  return html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <title>${info.title}</title>
    <style>
      body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d2733; }
      h2 { border-bottom: 1px solid #d5dce4; padding-bottom: .25rem; margin-top: 2rem; }
      details { border: 1px solid #d5dce4; border-radius: 6px; margin: .4rem 0; padding: .4rem .7rem; }
      summary { cursor: pointer; }
      code.m { display: inline-block; min-width: 4.5rem; font-weight: 700; }
      pre { background: #f4f6f8; padding: .6rem; overflow: auto; font-size: 12px; }
      .lock { color: #8a5a00; font-size: 12px; }
    </style>
  </head>
  <body>
    <h1>${info.title}</h1>
    <p>${info.description}</p>
    <p><a href="/api/openapi.json">openapi.json</a> (OpenAPI 3.1)</p>
    ${raw(
      tags
        .map(
          (tag) =>
            `<h2>${escape(tag)}</h2>` +
            rows
              .filter((r) => r.tag === tag)
              .map(
                ({ path, method, op }) =>
                  `<details id="${escape(`${method}-${path}`)}"><summary><code class="m">${method.toUpperCase()}</code> <code>${escape(path)}</code> — ${escape(op.summary ?? '')}` +
                  `${op.security ? ' <span class="lock">(đăng nhập / session)</span>' : ''}</summary>` +
                  (op.description ? `<p>${escape(op.description)}</p>` : '') +
                  (op.parameters?.length
                    ? `<p>Parameters:</p><ul>${op.parameters.map((p) => `<li><code>${escape(p.name)}</code> (${p.in}${p.required ? ', required' : ''}): <code>${escape(JSON.stringify(p.schema))}</code></li>`).join('')}</ul>`
                    : '') +
                  (op.requestBody
                    ? Object.entries(op.requestBody.content)
                        .map(([type, media]) => `<p>Body <code>${escape(type)}</code>:</p><pre>${escape(JSON.stringify(media.schema ?? {}, null, 2))}</pre>`)
                        .join('')
                    : '') +
                  '</details>',
              )
              .join(''),
        )
        .join(''),
    )}
  </body>
</html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
