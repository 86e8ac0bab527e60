// The committed JSON Schema for template files must be what the generator writes today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_JSON_SCHEMA_PATH, buildTemplateJsonSchema, templateJsonSchemaText } from '../../scripts/write-template-json-schema';
import { listTemplateFiles } from './template-files';

describe('report-templates/template.schema.json', () => {
  it('equals the schema generated from schema/template.ts (run `npm run templates:schema` when this fails)', () => {
    expect(readFileSync(TEMPLATE_JSON_SCHEMA_PATH, 'utf8')).toBe(templateJsonSchemaText());
  });

  it('is a strict draft-07 object schema with a title and the template fields required', () => {
    const schema = buildTemplateJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toMatch(/Mẫu báo cáo/);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'version', 'effectiveFrom', 'formNumber', 'title', 'frequency', 'calendar', 'regime', 'columns', 'rows']),
    );
  });

  it('describes fields in Vietnamese for editor hovers', () => {
    const schema = buildTemplateJsonSchema();
    const regime = schema.properties?.regime;
    expect(typeof regime === 'object' && regime.description).toMatch(/Điều 7/);
  });

  it('is named by every template file', () => {
    for (const file of listTemplateFiles()) {
      expect((file.json as { $schema?: unknown }).$schema, file.name).toBe('../template.schema.json');
    }
  });
});
