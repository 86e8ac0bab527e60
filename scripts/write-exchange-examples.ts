// `npm run docs:examples`: rewrites docs/examples from the demo (see scripts/exchange-examples.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exchangeExamples } from './exchange-examples';

const dir = join('docs', 'examples');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(await exchangeExamples())) {
  writeFileSync(join(dir, name), text);
  console.log(join(dir, name));
}
