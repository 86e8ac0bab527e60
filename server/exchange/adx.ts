// ADX (IHE QRPH Aggregate Data Exchange, the XML DHIS2 reads at /api/dataValueSets): the writer for
// our figures and the reader for imports. Mapping (api.md): group dataSet = template id, orgUnit = GSO
// code, period = ISO start/duration; dataValue dataElement = row code, column = column key, value.
//
// XML goes through fast-xml-parser (its builder escapes attribute values; its parser rejects malformed
// documents and does not fetch external entities), never through string concatenation or regexes.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import * as v from 'valibot';
import type { ExportData } from '../export/export-data';
import { figuresOf, isoPeriodOf } from './figures';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';
export const ADX_MEDIA_TYPE = 'application/adx+xml';

/** Which figures a group carries: the sender's subtree rolled up, or one unit's own report. */
export type AdxScope = 'subtree' | 'own';

export function toAdx(data: ExportData, now: Date): string {
  const { compiled, period, template } = data;
  const common = { '@_dataSet': template.id, '@_period': isoPeriodOf(period), '@_templateVersion': String(template.version) };
  const dataValues = (grid: typeof data.values, ct = compiled) =>
    figuresOf(ct, grid).map((f) => ({ '@_dataElement': f.row, '@_column': f.col, '@_value': String(f.value) }));
  const groups = [
    { '@_orgUnit': data.unit.code, ...common, '@_scope': 'subtree', dataValue: dataValues(data.values) },
    ...data.reports.map((r) => ({
      '@_orgUnit': r.unit.code,
      ...common,
      '@_scope': 'own',
      '@_status': r.status,
      ...(r.submittedAt ? { '@_completeDate': new Date(r.submittedAt).toISOString() } : {}),
      dataValue: dataValues(r.values, r.compiled),
    })),
  ];
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
  const body = builder.build({ adx: { '@_xmlns': ADX_NAMESPACE, '@_exported': now.toISOString(), group: groups } }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

const attr = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

const AdxDataValue = v.object({
  dataElement: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  column: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
  value: v.pipe(v.string(), v.maxLength(4000)),
});

const AdxGroup = v.object({
  dataSet: attr,
  orgUnit: attr,
  period: attr,
  scope: v.optional(v.picklist(['subtree', 'own'])),
  dataValue: v.optional(v.pipe(v.array(AdxDataValue), v.maxLength(100000)), []),
});

export const AdxDocument = v.object({
  adx: v.object({
    exported: attr,
    group: v.optional(v.pipe(v.array(AdxGroup), v.maxLength(20000)), []),
  }),
});
export type AdxGroup = v.InferOutput<typeof AdxGroup>;

export type AdxParse = { ok: true; groups: AdxGroup[] } | { ok: false; message: string; issues?: v.BaseIssue<unknown>[] };

export function parseAdx(xml: string): AdxParse {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return { ok: false, message: `XML không hợp lệ (dòng ${wellFormed.err.line}): ${wellFormed.err.msg}` };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    removeNSPrefix: true,
    isArray: (name) => name === 'group' || name === 'dataValue',
    processEntities: false,
  });
  if (namespaceOfRoot(xml) !== ADX_NAMESPACE) {
    return { ok: false, message: `Phần tử gốc phải là "adx" thuộc không gian tên ${ADX_NAMESPACE}.` };
  }
  const parsed: unknown = decodeEntities(parser.parse(xml));
  const result = v.safeParse(AdxDocument, parsed);
  if (!result.success) return { ok: false, message: 'Tài liệu ADX không đúng cấu trúc.', issues: result.issues };
  return { ok: true, groups: result.output.adx.group };
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The parser runs with entity processing off (a DOCTYPE's entities are never expanded), which also
 * leaves XML's predefined entities and character references as written: they are decoded here, so a
 * text figure with a quote or an ampersand ("Khiếu nại "đông người"") reads back as it was written.
 */
function decodeEntities(node: unknown): unknown {
  if (typeof node === 'string') {
    return node.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, name: string) => {
      if (name[0] !== '#') return PREDEFINED[name] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (Array.isArray(node)) return node.map(decodeEntities);
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, val]) => [k, decodeEntities(val)]));
  return node;
}

/** The namespace of the root element when it is `adx` (default namespace or any prefix). */
function namespaceOfRoot(xml: string): string | undefined {
  const raw = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, processEntities: false, stopNodes: ['*.*'] }).parse(xml) as Record<string, unknown>;
  for (const [name, element] of Object.entries(raw)) {
    if (name !== 'adx' && !name.endsWith(':adx')) continue;
    if (element === null || typeof element !== 'object') return undefined;
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : undefined;
    const attrs = element as Record<string, unknown>;
    const ns = attrs[prefix ? `xmlns:${prefix}` : 'xmlns'];
    return typeof ns === 'string' ? ns : undefined;
  }
  return undefined;
}
