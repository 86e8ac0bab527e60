// The packages a unit sends on: the Excel workbook for the ministry and the machine package (JSON).
// The workbook streams as it is written, from a worker thread when the server has them, so a national
// package neither holds the nation in memory nor stalls the event loop.
import { PassThrough, Readable } from 'node:stream';
import { Hono } from 'hono';
import { AggregateQuery } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { notFound } from '../errors';
import { buildExportData, openExport } from '../export/export-data';
import { toJsonPackage } from '../export/json-package';
import { streamWorkbook } from '../export/xlsx';
import { resolveRollupScope } from '../services/aggregate';
import { subtreeGrids } from '../services/rollup-read';
import { valid } from '../validate';

const FORMATS = ['xlsx', 'json'] as const;

export const exportsRoutes = new Hono<AppEnv>().get('/:template/:period/:file', requireUser, valid('query', AggregateQuery), async (c) => {
  const { template, period, file } = c.req.param();
  const dot = file.indexOf('.');
  const unit = dot > 0 ? file.slice(0, dot) : file;
  const format = dot > 0 ? file.slice(dot + 1) : '';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw notFound('not-found', `Không có định dạng xuất "${format}"; dùng .xlsx hoặc .json.`);
  }
  const { include } = c.req.valid('query');
  const { deps, user } = c.var;
  const name = `${template}_${period}_${unit}`;
  // Refusals (404, 403) and building the roll-ups happen here, before the first byte is sent.
  const scope = await resolveRollupScope(deps, user, { template, period, unit });
  if (format === 'json') {
    const data = await buildExportData(deps, scope, include);
    c.header('Content-Disposition', `attachment; filename="${name}.json"`);
    return c.json(toJsonPackage(data, deps.clock()));
  }
  const headers = {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="${name}.xlsx"`,
  };
  const now = deps.clock();
  await subtreeGrids(deps, scope.template, scope.span, include, [scope.unit]);
  if (deps.workers) {
    const body = deps.workers.exportWorkbook({ url: deps.store.url, user, templateId: template, periodId: period, unitCode: unit, include, now: now.toISOString() });
    return c.body(body, 200, headers);
  }
  const { head, reports } = await openExport(deps, scope, include);
  const out = new PassThrough();
  streamWorkbook(head, reports(), now, out).then(
    () => out.end(),
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, headers);
});
