// The QCVN 125:2021/BTTTT packets other than report data (which is /api/exports/…/:unit.qcvn125.json):
// regime, form, indicator catalogue, outline form, period catalogue, report status, outline
// submission; the import of packets a province sends; and the public key packages are signed with.
import { Hono } from 'hono';
import { ExchangeVersionQuery, ExchangeYearQuery, ImportQuery } from '../../schema/api';
import { isLate, vnDate } from '../../domain/vn-time';
import { requireUser } from '../auth/middleware';
import type { SessionUser } from '../auth/sessions';
import { loadSections } from '../db/reports';
import type { AppDeps, AppEnv } from '../env';
import { badRequest, notFound } from '../errors';
import type { ExportUnit } from '../export/export-data';
import { importQcvn125 } from '../exchange/qcvn125-import';
import { type PacketKind, toWire } from '../exchange/qcvn125-mapping';
import {
  envelope,
  formBody,
  indicatorCatalogueBody,
  outlineFormBody,
  outlineSubmissionBody,
  periodCatalogueBody,
  regimeBody,
  reportStatusBody,
} from '../exchange/qcvn125-packets';
import { SIGNATURE_HEADER } from '../exchange/signing';
import { resolveReport, requireTemplate } from '../services/report-context';
import { grantsInForce, grantUnits } from '../../domain/access';
import { valid } from '../validate';

/** A catalogue is sent by the caller's unit, or by the top unit for an admin. */
async function senderOf(deps: AppDeps, user: SessionUser): Promise<ExportUnit> {
  const tree = await deps.unitTrees.at(vnDate(deps.clock()));
  const own = grantUnits(grantsInForce(user.grants, tree.date), tree);
  const unit = own[0] ?? tree.units.find((u) => u.level === 'province') ?? tree.units.find((u) => u.parentId === null);
  if (!unit) throw notFound('unknown-unit', 'Không có đơn vị nào đang có hiệu lực để làm đơn vị gửi.');
  return { code: unit.code, name: unit.name, level: unit.level, parentCode: null };
}

function versionOf(deps: AppDeps, templateId: string, version: number | undefined) {
  const latest = requireTemplate(deps, templateId);
  if (version === undefined) return latest;
  const found = deps.templates.get(templateId, version);
  if (!found) throw notFound('unknown-template', `Biểu mẫu "${templateId}" không có phiên bản ${version}.`);
  return found;
}

const packetResponse = (deps: AppDeps, kind: PacketKind, sender: ExportUnit, body: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(toWire(envelope(kind, sender, body, deps.clock()))));
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  if (deps.signer) headers[SIGNATURE_HEADER] = `ed25519 ${deps.signer.sign(bytes)}`;
  return new Response(bytes, { status: 200, headers });
};

export const exchangeRoutes = new Hono<AppEnv>()
  .get('/public-key', (c) => {
    const signer = c.var.deps.signer;
    if (!signer) throw notFound('not-found', 'Hệ thống chưa cấu hình khóa ký (PACKAGE_SIGNING_KEY).');
    return c.body(signer.publicKeyPem, 200, { 'Content-Type': 'application/x-pem-file' });
  })
  .use('*', requireUser)
  .get('/:template/regime.json', async (c) => {
    const { deps, user } = c.var;
    return packetResponse(deps, 'regime', await senderOf(deps, user), regimeBody(requireTemplate(deps, c.req.param('template')).file));
  })
  .get('/:template/form.json', valid('query', ExchangeVersionQuery), async (c) => {
    const { deps, user } = c.var;
    const t = versionOf(deps, c.req.param('template'), c.req.valid('query').version);
    return packetResponse(deps, 'form', await senderOf(deps, user), formBody(t.compiled));
  })
  .get('/:template/indicators.json', valid('query', ExchangeVersionQuery), async (c) => {
    const { deps, user } = c.var;
    const t = versionOf(deps, c.req.param('template'), c.req.valid('query').version);
    return packetResponse(deps, 'indicatorCatalogue', await senderOf(deps, user), indicatorCatalogueBody(t.compiled));
  })
  .get('/:template/outline.json', valid('query', ExchangeVersionQuery), async (c) => {
    const { deps, user } = c.var;
    const t = versionOf(deps, c.req.param('template'), c.req.valid('query').version);
    const body = outlineFormBody(t.file);
    if (!body) throw notFound('not-found', `Biểu mẫu ${t.file.formNumber} không có đề cương (mục viết).`);
    return packetResponse(deps, 'outlineForm', await senderOf(deps, user), body);
  })
  .get('/:template/periods.json', valid('query', ExchangeYearQuery), async (c) => {
    const { deps, user } = c.var;
    const t = requireTemplate(deps, c.req.param('template'));
    const body = periodCatalogueBody(t.file, c.req.valid('query').year, await deps.holidays.calendar());
    return packetResponse(deps, 'periodCatalogue', await senderOf(deps, user), body);
  })
  .get('/:template/:period/:unit/status.json', async (c) => {
    const { deps, user } = c.var;
    const t = await resolveReport(deps, user, { template: c.req.param('template'), period: c.req.param('period'), unit: c.req.param('unit') });
    const unit = { code: t.unit.code, name: t.unit.name, level: t.unit.level, parentCode: null };
    const status = t.row?.status ?? 'draft';
    const sent = status === 'submitted' || status === 'approved' ? (t.row?.submittedAt ?? null) : null;
    const body = reportStatusBody(t.template.file, t.period, unit, {
      status,
      revision: t.row?.revision ?? 0,
      submittedAt: t.row?.submittedAt ?? null,
      decidedAt: t.row?.decidedAt ?? null,
      deadline: t.deadline,
      isLate: t.isReporter && isLate(t.deadline, sent, deps.clock()),
      returnReason: status === 'returned' ? (t.row?.returnReason ?? null) : null,
    });
    return packetResponse(deps, 'reportStatus', unit, body);
  })
  .get('/:template/:period/:unit/outline.json', async (c) => {
    const { deps, user } = c.var;
    const t = await resolveReport(deps, user, { template: c.req.param('template'), period: c.req.param('period'), unit: c.req.param('unit') });
    if (!t.template.file.sections?.length) throw notFound('not-found', `Biểu mẫu ${t.template.file.formNumber} không có đề cương (mục viết).`);
    const unit = { code: t.unit.code, name: t.unit.name, level: t.unit.level, parentCode: null };
    const texts = t.row ? await loadSections(deps.store.db, t.row.id) : [];
    return packetResponse(deps, 'outlineSubmission', unit, outlineSubmissionBody(t.template.file, t.period, unit, texts));
  })
  .post('/import', valid('query', ImportQuery), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest('invalid-body', 'Nội dung gửi lên phải là JSON: một gói tin QCVN 125 hoặc một mảng gói tin.');
    }
    return c.json(await importQcvn125(c.var.deps, c.var.user!, body, c.req.valid('query').dryRun));
  });
