// Writes report-templates/template.schema.json from TemplateFileSchema, so editors check a template
// file while it is typed. Run `npm run templates:schema` after changing schema/template.ts;
// test/templates/json-schema.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { TemplateFileSchema } from '../schema/template';

export const TEMPLATE_JSON_SCHEMA_PATH = fileURLToPath(
  new URL('../report-templates/template.schema.json', import.meta.url),
);

/**
 * Hover texts for editors, by JSON path (properties only; "rows[]" is an item of rows).
 * valibot carries no descriptions in the schema itself, so they live here, next to the only reader.
 */
const DESCRIPTIONS: Record<string, string> = {
  $schema: 'Đường dẫn tới tệp này, để trình soạn thảo kiểm tra mẫu khi gõ: "../template.schema.json".',
  id: 'Mã mẫu báo cáo, viết thường, nối bằng "-", trùng tên thư mục, ví dụ "bieu-06-vpcp-kstt".',
  version: 'Số phiên bản, trùng tên tệp (1.json → 1). Phiên bản đã dùng thì không sửa; thay đổi mẫu bằng tệp phiên bản mới.',
  effectiveFrom: 'Kỳ đầu tiên áp dụng phiên bản này, theo mã kỳ của tần suất: "202201", "2022Q1", "2022S1", "2022".',
  formNumber: 'Số hiệu biểu mẫu in trên báo cáo, ví dụ "Biểu số 06/VPCP/KSTT".',
  title: 'Tên biểu mẫu in trên báo cáo.',
  unitOfMeasure: 'Đơn vị tính chung in ở góc biểu, ví dụ "Số hồ sơ TTHC".',
  frequency: 'Tần suất báo cáo: monthly (tháng), quarterly (quý), six-monthly (6 tháng), nine-month (9 tháng), annual (năm), adhoc (đột xuất, chuyên đề).',
  calendar: 'decree09: kỳ chốt số liệu theo Điều 12 Nghị định 09/2019/NĐ-CP (ngày 15 kỳ trước đến ngày 14); calendar: kỳ thống kê theo tháng dương lịch.',
  adhocPeriods: 'Các kỳ của báo cáo đột xuất, chuyên đề: mã kỳ, ngày bắt đầu, ngày kết thúc và hạn gửi của từng cấp.',
  regime: 'Nội dung chế độ báo cáo theo Điều 7 Nghị định 09/2019/NĐ-CP.',
  'regime.name': 'Tên báo cáo.',
  'regime.kind': 'Loại báo cáo (Điều 4): periodic (định kỳ), thematic (chuyên đề), adhoc (đột xuất).',
  'regime.content': 'Nội dung yêu cầu báo cáo.',
  'regime.reporters': 'Đối tượng thực hiện báo cáo: các cấp tự lập báo cáo, theo từng khoảng thời gian (trước và sau ngày 01/7/2025).',
  'regime.recipient': 'Cơ quan nhận báo cáo.',
  'regime.method': 'Phương thức gửi, nhận báo cáo (Điều 8 khoản 4).',
  'regime.cutoff': 'Thời gian chốt số liệu báo cáo (Điều 12).',
  'regime.deadlineWorkingDays': 'Thời hạn gửi báo cáo của từng cấp, tính bằng số ngày làm việc sau ngày chốt số liệu (ít nhất 01 ngày theo Điều 8 khoản 5; cấp tỉnh không muộn hơn ngày 25 tháng cuối kỳ theo Điều 13).',
  'regime.outline': 'Mẫu đề cương báo cáo.',
  'regime.instructions': 'Hướng dẫn quy trình thực hiện báo cáo, cách ghi biểu.',
  'regime.forms': 'Danh sách biểu mẫu số liệu kèm theo.',
  'regime.legalBasis': 'Căn cứ pháp lý: số hiệu, ngày ban hành (YYYY-MM-DD), cơ quan ban hành, trích yếu.',
  defaults: 'Giá trị mặc định cho mọi dòng không tự khai báo: kiểu giá trị, số chữ số thập phân, cách tổng hợp, đơn vị tính, giá trị nhỏ nhất.',
  columns: 'Các cột số liệu, theo thứ tự từ trái sang phải.',
  'columns[].key': 'Mã cột, dùng trong công thức: chữ thường, chữ số và "_", ví dụ "thuc_hien".',
  'columns[].group': 'Các tầng tiêu đề gộp phía trên tên cột, từ ngoài vào trong; các cột liền nhau cùng tầng thì gộp ô.',
  'columns[].formula': 'Công thức áp dụng cho mọi dòng số liệu (trừ ô có công thức riêng), ví dụ "lastYear(col(\'thuc_hien\'))".',
  rows: 'Các dòng chỉ tiêu, theo thứ tự in trên biểu.',
  'rows[].code': 'Mã dòng (số thứ tự), dùng trong công thức: "1", "1.2", "TC".',
  'rows[].header': 'Dòng tiêu đề nhóm (I, II, …): không chứa số liệu.',
  'rows[].partOf': 'Dòng "Trong đó": mã dòng tổng mà dòng này là một phần.',
  'rows[].aggregation': 'Cách tổng hợp: sum (cộng), last (chỉ tiêu thời điểm: cộng giữa các đơn vị, lấy số mới nhất theo thời gian), formula (tính lại công thức từ số đã tổng hợp, cho tỷ lệ), average, min, max, none.',
  'rows[].formula': 'Công thức áp dụng cho mọi cột của dòng (trừ cột có công thức riêng), ví dụ "row(\'1.1\') / row(\'1\') * 100".',
  'rows[].disabled': 'Ô không áp dụng (tô xám): danh sách mã cột, hoặc "all".',
  'rows[].was': 'Dòng này nối tiếp dòng nào của phiên bản trước: mã dòng cũ và cách thay đổi (renamed, split, merged).',
  cellFormulas: 'Công thức cho từng ô riêng lẻ; ưu tiên hơn công thức cột và công thức dòng.',
  rules: 'Quy tắc kiểm tra: error chặn việc gửi báo cáo; warning phải giải trình.',
  sections: 'Các mục nội dung trong đề cương báo cáo (phần lời), ví dụ "Đánh giá chung", "Kiến nghị, đề xuất".',
};

/** Sets descriptions from DESCRIPTIONS on the object schemas reached by walking the converted schema. */
function describe(schema: JsonSchema | boolean, path: string): void {
  if (typeof schema !== 'object') return;
  const text = path === '' ? undefined : DESCRIPTIONS[path];
  if (text !== undefined) schema.description = text;
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    describe(child, path === '' ? key : `${path}.${key}`);
  }
  const items = schema.items;
  if (items !== undefined && !Array.isArray(items)) describe(items, `${path}[]`);
}

/** The JSON Schema of a template file, as it is committed. */
export function buildTemplateJsonSchema(): JsonSchema {
  const converted = toJsonSchema(TemplateFileSchema, {
    target: 'draft-07',
    errorMode: 'throw',
    // adhocPeriods[].deadlines is a record keyed by a picklist of levels; the library converts it
    // correctly to propertyNames + additionalProperties, but reports it as unsupported. Accept that
    // conversion and keep every other unsupported construct an error.
    overrideSchema: ({ valibotSchema, jsonSchema }) =>
      valibotSchema.type === 'record' && jsonSchema.propertyNames !== undefined ? jsonSchema : undefined,
  });
  describe(converted, '');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Mẫu báo cáo — Hệ thống thông tin báo cáo tỉnh Lạng Sơn',
    description:
      'Tệp mẫu báo cáo report-templates/<id>/<phiên bản>.json theo Nghị định 09/2019/NĐ-CP. ' +
      'Sinh tự động từ schema/template.ts bằng "npm run templates:schema"; không sửa tay.',
    ...converted,
  };
}

export function templateJsonSchemaText(): string {
  return `${JSON.stringify(buildTemplateJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(TEMPLATE_JSON_SCHEMA_PATH, templateJsonSchemaText());
  console.log(`Đã ghi / wrote ${TEMPLATE_JSON_SCHEMA_PATH}`);
}
