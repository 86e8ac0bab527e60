// The packages a unit sends on: the Excel workbook for the ministry, the machine package (JSON), and
// the same figures as QCVN 125 report data, ADX and SDMX-CSV. Each is signed when a key is configured.
// The workbook streams as it is written, from a worker thread when the server has them, so a national
// package neither holds the nation in memory nor stalls the event loop; a signed one is buffered first,
// since its signature header covers every byte.
import { PassThrough, Readable } from 'node:stream';
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
import { buildExportData, type ExportData, openExport } from '../export/export-data';
import { toJsonPackage } from '../export/json-package';
import { streamWorkbook } from '../export/xlsx';
import { resolveRollupScope } from '../services/aggregate';
import { requireRound } from '../services/report-context';
import { subtreeGrids } from '../services/rollup-read';
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
  const { deps, user } = c.var;
  // Refusals (404, 403) and building the roll-ups happen here, before the first byte is sent.
  const scope = await resolveRollupScope(deps, user, { template, period, unit });
  const round = requireRound(scope.template, scope.span.members.at(-1)!, c.req.valid('query').round);
  const now = deps.clock();
  const headers: Record<string, string> = { 'Content-Disposition': `attachment; filename="${template}_${period}_${unit}.${format}"` };
  if (format === 'xlsx') {
    headers['Content-Type'] = XLSX_TYPE;
    await subtreeGrids(deps, scope.template, scope.span, include, [scope.unit], round);
    let body: ReadableStream<Uint8Array>;
    if (deps.workers) {
      body = deps.workers.exportWorkbook({ url: deps.store.url, user, templateId: template, periodId: period, unitCode: unit, include, round, now: now.toISOString() });
    } else {
      const { head, reports } = await openExport(deps, scope, include, round);
      const out = new PassThrough();
      streamWorkbook(head, reports(), now, out).then(
        () => out.end(),
        (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      body = Readable.toWeb(out) as ReadableStream<Uint8Array>;
    }
    if (!deps.signer) return c.body(body, 200, headers);
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    headers[SIGNATURE_HEADER] = `ed25519 ${deps.signer.sign(bytes)}`;
    return c.body(bytes, 200, headers);
  }
  const data = await buildExportData(deps, scope, include, round);
  const [bytes, type] = render(format as Exclude<Format, 'xlsx'>, data, now);
  headers['Content-Type'] = type;
  if (deps.signer) headers[SIGNATURE_HEADER] = `ed25519 ${deps.signer.sign(bytes)}`;
  return c.body(bytes, 200, headers);
});

function render(format: Exclude<Format, 'xlsx'>, data: ExportData, now: Date): [Uint8Array<ArrayBuffer>, string] {
  const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
  switch (format) {
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
