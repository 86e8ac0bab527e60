// The packages a unit sends on: the Excel workbook for the ministry, the machine package (JSON), and
// the same figures as QCVN 125 report data, ADX and SDMX-CSV. Each is signed when a key is configured.
import { Hono } from 'hono';
import { AggregateQuery } from '../../schema/api';
import { requireUser } from '../auth/middleware';
import type { AppEnv } from '../env';
import { notFound } from '../errors';
import { ADX_MEDIA_TYPE, toAdx } from '../exchange/adx';
import { toWire } from '../exchange/qcvn125-mapping';
import { envelope, reportDataBody } from '../exchange/qcvn125-packets';
import { SDMX_CSV_MEDIA_TYPE, toSdmxCsv } from '../exchange/sdmx-csv';
import { SIGNATURE_HEADER } from '../exchange/signing';
import { buildExportData } from '../export/export-data';
import { resolveScope } from '../services/report-context';
import { toJsonPackage } from '../export/json-package';
import { writeWorkbook } from '../export/xlsx';
import { valid } from '../validate';

const FORMATS = ['xlsx', 'json', 'qcvn125.json', 'adx.xml', 'sdmx.csv'] as const;
type Format = (typeof FORMATS)[number];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportsRoutes = new Hono<AppEnv>().get('/:template/:period/:file', requireUser, valid('query', AggregateQuery), async (c) => {
  const { template, period, file } = c.req.param();
  const dot = file.indexOf('.');
  const unit = dot > 0 ? file.slice(0, dot) : file;
  const format = dot > 0 ? file.slice(dot + 1) : '';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw notFound('not-found', `Không có định dạng xuất "${format}"; dùng ${FORMATS.map((f) => `.${f}`).join(', ')}.`);
  }
  const { include } = c.req.valid('query');
  const { deps } = c.var;
  const scope = await resolveScope(deps, c.var.user, { template, period, unit });
  const data = await buildExportData(deps, scope, include);
  const now = deps.clock();
  const [bytes, type] = await render(format as Format, data, now);
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${template}_${period}_${unit}.${format}"`,
  };
  if (deps.signer) headers[SIGNATURE_HEADER] = `ed25519 ${deps.signer.sign(bytes)}`;
  return c.body(bytes, 200, headers);
});

async function render(format: Format, data: Awaited<ReturnType<typeof buildExportData>>, now: Date): Promise<[Uint8Array<ArrayBuffer>, string]> {
  const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
  switch (format) {
    case 'xlsx':
      return [new Uint8Array(await writeWorkbook(data, now)), XLSX_TYPE];
    case 'json':
      return [utf8(JSON.stringify(toJsonPackage(data, now))), 'application/json; charset=utf-8'];
    case 'qcvn125.json':
      return [utf8(JSON.stringify(toWire(envelope('reportData', data.unit, reportDataBody(data), now)))), 'application/json; charset=utf-8'];
    case 'adx.xml':
      return [utf8(toAdx(data, now)), `${ADX_MEDIA_TYPE}; charset=utf-8`];
    case 'sdmx.csv':
      return [utf8(toSdmxCsv(data)), `${SDMX_CSV_MEDIA_TYPE}; charset=utf-8`];
  }
}
