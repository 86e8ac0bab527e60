// Reads every report template file from report-templates/ for the template tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { TemplateFileSchema, type TemplateFile } from '../../schema/template';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../report-templates/', import.meta.url));

export interface TemplateFileEntry {
  /** e.g. "bieu-06-vpcp-kstt/1.json" */
  name: string;
  folder: string;
  fileVersion: number;
  json: unknown;
}

/** Every <folder>/<n>.json under report-templates/, sorted by name. */
export function listTemplateFiles(): TemplateFileEntry[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((folder) => statSync(join(TEMPLATES_DIR, folder)).isDirectory())
    .flatMap((folder) =>
      readdirSync(join(TEMPLATES_DIR, folder))
        .filter((file) => file.endsWith('.json'))
        .map((file) => ({
          name: `${folder}/${file}`,
          folder,
          fileVersion: Number(file.replace(/\.json$/, '')),
          json: JSON.parse(readFileSync(join(TEMPLATES_DIR, folder, file), 'utf8')) as unknown,
        })),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A template file by its path under report-templates/, parsed with the valibot schema (throws if invalid). */
export function loadTemplate(name: string): TemplateFile {
  const json = JSON.parse(readFileSync(join(TEMPLATES_DIR, name), 'utf8')) as unknown;
  return v.parse(TemplateFileSchema, json);
}
