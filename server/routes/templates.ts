// The versioned templates: the list, the latest version of one, or a given version, in full.
import { Hono } from 'hono';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { notFound } from '../errors';
import { requireTemplate } from '../services/report-context';

export const templatesRoutes = new Hono<AppEnv>()
  .use('*', requireUser)
  .get('/', (c) => c.json(c.var.deps.templates.list()))
  .get('/:id', (c) => c.json(requireTemplate(c.var.deps, c.req.param('id')).file))
  .get('/:id/versions/:version', (c) => {
    const id = c.req.param('id');
    requireTemplate(c.var.deps, id);
    const version = Number(c.req.param('version'));
    const found = Number.isInteger(version) ? c.var.deps.templates.get(id, version) : undefined;
    if (!found) throw notFound('unknown-template', `Biểu mẫu "${id}" không có phiên bản ${c.req.param('version')}.`);
    // A published version does not change: on a weak link the form opens without fetching it again
    // (private: only the signed-in browser keeps it; a day, so a corrected file reaches everyone by tomorrow).
    c.header('Cache-Control', 'private, max-age=86400');
    return c.json(found.file);
  });
