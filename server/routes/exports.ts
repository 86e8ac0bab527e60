// The packages a unit sends on: the Excel workbook for the ministry and the machine package (JSON).
import { Hono } from 'hono';
import { AggregateQuery } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { notFound } from '../errors';
import { buildExportData } from '../export/export-data';
import { resolveScope } from '../services/report-context';
import { toJsonPackage } from '../export/json-package';
import { writeWorkbook } from '../export/xlsx';
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
  const scope = await resolveScope(c.var.deps, c.var.user, { template, period, unit });
  const data = await buildExportData(c.var.deps, scope, include);
  const name = `${template}_${period}_${unit}`;
  if (format === 'json') {
    c.header('Content-Disposition', `attachment; filename="${name}.json"`);
    return c.json(toJsonPackage(data, c.var.deps.clock()));
  }
  const buffer = await writeWorkbook(data, c.var.deps.clock());
  return c.body(new Uint8Array(buffer), 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="${name}.xlsx"`,
  });
});
