// The form as a workbook (api.md GET/POST /api/forms/:template/:period/:unit.xlsx): download to fill in
// Excel or LibreOffice, upload to preview the changes cell by cell or to save them. `?units=below` gives
// a head one workbook with a sheet per unit below; its upload is recognised from the workbook itself.
import { Hono } from 'hono';
import * as v from 'valibot';
import { RoundParam } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { badRequest, notFound } from '../errors';
import { formWorkbook, previewUpload, saveUpload } from '../forms/form-service';
import type { ReportKey } from '../services/report-context';
import type { Round } from '../../schema/template';
import { valid } from '../validate';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FormDownloadQuery = v.object({
  units: v.optional(v.picklist(['below'], 'units is "below" (a sheet per unit below) or absent')),
  /** Issue 11: the preliminary round's form (số ước); official when absent. */
  round: RoundParam,
});
export const FormUploadQuery = v.object({
  preview: v.optional(v.picklist(['true', 'false'], 'preview is "true" or "false"')),
  /** The round the upload is for: a workbook of the other round is refused (422 wrong-workbook). */
  round: RoundParam,
});

function keyOf(c: { req: { param(): Record<string, string>; valid(target: 'query'): { round: Round } } }): ReportKey {
  const { template, period, file } = c.req.param() as { template: string; period: string; file: string };
  if (!file.endsWith('.xlsx') || file.length <= 5) throw notFound('not-found', `Không có biểu mẫu "${file}"; dùng <mã đơn vị>.xlsx.`);
  return { template, period, unit: file.slice(0, -5), round: c.req.valid('query').round };
}

/** `If-Match: 3` or `If-Match: "3"`: the revision the upload is based on. */
function revisionOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const n = Number(header.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
  if (!Number.isInteger(n) || n < 0) throw badRequest('bad-request', `If-Match phải là số phiên bản của báo cáo (đã gửi "${header}").`);
  return n;
}

export const formsRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:template/:period/:file', valid('query', FormDownloadQuery), async (c) => {
    const key = keyOf(c);
    const scope = c.req.valid('query').units === 'below' ? 'below' : 'unit';
    const bytes = await formWorkbook(c.var.deps, c.var.user, key, scope);
    const name = `${key.template}_${key.period}_${key.unit}${key.round === 'preliminary' ? '_so-uoc' : ''}${scope === 'below' ? '_don-vi-truc-thuoc' : ''}.xlsx`;
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${name}"` });
  })
  .post('/:template/:period/:file', valid('query', FormUploadQuery), async (c) => {
    const key = keyOf(c);
    const bytes = await c.req.arrayBuffer();
    if (bytes.byteLength === 0) throw badRequest('bad-request', 'Chưa gửi tệp Excel nào. (No workbook in the request body.)');
    if (c.req.valid('query').preview === 'true') return c.json(await previewUpload(c.var.deps, c.var.user, key, bytes));
    return c.json(await saveUpload(c.var.deps, c.var.user, key, bytes, revisionOf(c.req.header('If-Match'))));
  });
