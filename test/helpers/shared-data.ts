// Where the official unit lists are: ../shared/data beside the repository (CI, worktrees one level
// deeper), found by walking up from here, else the team machine's /work/shared/data (a clone in /tmp);
// SHARED_DATA_DIR overrides. They are read there, never copied into the project.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function sharedDataDir(from = import.meta.dirname): string {
  if (process.env.SHARED_DATA_DIR) return process.env.SHARED_DATA_DIR;
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data');
    if (existsSync(join(candidate, 'units-2025-03-01-national.csv'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  if (existsSync(join(MACHINE_SHARED, 'units-2025-03-01-national.csv'))) return MACHINE_SHARED;
  throw new Error('No shared/data with the official unit lists above this folder: set SHARED_DATA_DIR.');
}

const MACHINE_SHARED = '/work/shared/data';
