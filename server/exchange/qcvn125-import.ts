// QCVN 125 import: what a receiving instance (a ministry's) does with the packets a province sends.
// Report data and outline submissions are written (all or nothing, through the bulk save); form,
// indicator and period catalogues and the regime are checked against the templates we hold; status
// packets are read and not applied (the receiver keeps its own workflow).
import * as v from 'valibot';
import type { Issue } from '../../schema/api';
import type { SessionUser } from '../auth/sessions';
import type { AppDeps } from '../env';
import { badRequest, forbidden, unprocessable } from '../errors';
import { toIssues } from '../validate';
import { grantsInForce } from '../../domain/access';
import { vnDate } from '../../domain/vn-time';
import { isAdmin, speaksFor } from './sender-scope';
import { type BulkReport, bulkSave, type ImportResult } from './bulk-save';
import { decode, fromWire, PACKET_TYPES, type PacketKind } from './qcvn125-mapping';
import { type Packet, PacketSchema } from './qcvn125-schema';

export type PacketOutcome = 'applied' | 'checked' | 'not-applied';

export interface QcvnImportResult extends ImportResult {
  packets: { packetId: string; packetType: string; outcome: PacketOutcome; note?: string }[];
}

/** At most this many packets in one import. */
const MAX_PACKETS = 500;

export async function importQcvn125(deps: AppDeps, user: SessionUser, input: unknown, dryRun: boolean): Promise<QcvnImportResult> {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0 || list.length > MAX_PACKETS) throw badRequest('invalid-body', `Gửi từ 1 đến ${MAX_PACKETS} gói tin.`);
  const packets: Packet[] = [];
  for (const [i, raw] of list.entries()) {
    const result = v.safeParse(PacketSchema, fromWire(raw));
    if (!result.success) {
      const issues = toIssues(result.issues).map((it) => ({ ...it, col: `[${i}].${it.col}`, message: `Gói tin ${i + 1}: ${it.message}` }));
      throw badRequest('invalid-body', `Gói tin ${i + 1} không đúng cấu trúc QCVN 125 (theo bảng tên trường của hệ thống).`, issues);
    }
    packets.push(result.output);
  }

  const issues: Issue[] = [];
  const byReport = new Map<string, BulkReport>();
  const entry = (templateId: string, periodId: string, unitCode: string) => {
    const key = `${templateId}|${periodId}|${unitCode}`;
    let found = byReport.get(key);
    if (!found) byReport.set(key, (found = { templateId, periodId, unitCode }));
    return found;
  };
  const outcomes: QcvnImportResult['packets'] = [];
  const grants = grantsInForce(user.grants, vnDate(deps.clock()));
  const today = await deps.unitTrees.at(vnDate(deps.clock()));
  for (const [i, packet] of packets.entries()) {
    // A packet speaks for its sender: the caller must be that unit (an admin may relay any).
    if (!isAdmin(grants) && !speaksFor(grants, packet.sender.code, today)) {
      throw forbidden(`Gói tin ${i + 1} do đơn vị ${packet.sender.code} gửi, không phải đơn vị của bạn; không nhập gì.`);
    }
    const kind = decode(PACKET_TYPES, packet.packetType) as PacketKind;
    const outcome = (o: PacketOutcome, note?: string) => outcomes.push({ packetId: packet.packetId, packetType: packet.packetType, outcome: o, ...(note ? { note } : {}) });
    const body = packet.body;
    const known = (formCode: string, version?: number) => {
      const t = version === undefined ? deps.templates.latest(formCode) : deps.templates.get(formCode, version);
      if (!t) issues.push({ row: '', col: `[${i}]`, code: 'unknown-template', message: `Gói tin ${i + 1}: không có biểu mẫu "${formCode}"${version ? ` phiên bản ${version}` : ''}.` });
      return t;
    };
    if ('formCode' in body) known(body.formCode, 'formVersion' in body ? body.formVersion : undefined);
    if (packet.packetType === PACKET_TYPES.reportData) {
      const data = packet.body;
      const reports = data.reports.length > 0 ? data.reports : [{ unit: data.unit, values: data.values }];
      for (const r of reports) {
        const e = entry(data.formCode, data.period.periodId, r.unit.code);
        e.values = r.values.map((dv) => ({ row: dv.rowCode, col: dv.column, value: dv.value }));
        e.replace = true;
      }
      outcome('applied');
    } else if (packet.packetType === PACKET_TYPES.outlineSubmission) {
      const data = packet.body;
      entry(data.formCode, data.period.periodId, data.unit.code).sections = data.sections.map((s) => ({ key: s.code, text: s.text }));
      outcome('applied');
    } else if (kind === 'reportStatus') {
      outcome('not-applied', 'Trạng thái báo cáo của bên gửi được ghi nhận, không thay đổi quy trình duyệt của hệ thống nhận.');
    } else {
      outcome('checked');
    }
  }
  if (issues.length > 0) throw unprocessable('invalid-values', `Có ${issues.length} lỗi trong gói tin; chưa nhập gì.`, issues);
  const result = await bulkSave(deps, user, [...byReport.values()], { dryRun, source: 'QCVN 125' });
  return { ...result, packets: outcomes };
}
