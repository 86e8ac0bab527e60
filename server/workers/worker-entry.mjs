// The worker thread's entry: registers tsx so the TypeScript tasks load as the server's own code does.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./tasks.ts');
export const rebuildRollups = tasks.rebuildRollups;
export const exportWorkbook = tasks.exportWorkbook;
