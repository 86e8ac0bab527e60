// `npm run templates:check -- DIR`: checks template files exactly as start-up does (the same functions,
// so the same messages: file, place, fix), but goes on past a broken file so an author sees them all.
import { readdir } from 'node:fs/promises';
import type { HolidayCalendar } from '../../domain/periods';
import { checkTemplateSet, readTemplateFile, type ReadTemplate, templateFilesIn, templateFolders, TemplateLoadError } from './read-templates';

export interface FolderCheck {
  checked: number;
  /** The message of each refused file (or of the set of versions), as start-up prints it. */
  refused: string[];
}

/**
 * DIR is either the templates directory (one sub-folder per template, as TEMPLATES_DIR) or one template
 * folder (report-templates/tiep-cong-dan-xa), told apart by whether it holds version files itself.
 */
export async function checkTemplateFolder(dir: string, holidays: HolidayCalendar): Promise<FolderCheck> {
  const holdsVersions = (await readdir(dir)).some((f) => f.endsWith('.json') && f !== 'template.schema.json');
  const folders = holdsVersions ? [dir] : await templateFolders(dir);
  const refused: string[] = [];
  const read: ReadTemplate[] = [];
  let checked = 0;
  for (const folder of folders) {
    for (const path of await templateFilesIn(folder)) {
      checked += 1;
      try {
        read.push(await readTemplateFile(path, holidays));
      } catch (error) {
        if (!(error instanceof TemplateLoadError)) throw error;
        refused.push(error.message);
      }
    }
  }
  try {
    checkTemplateSet(read);
  } catch (error) {
    if (!(error instanceof TemplateLoadError)) throw error;
    refused.push(error.message);
  }
  return { checked, refused };
}
