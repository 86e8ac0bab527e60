// docs/examples are taken from the demo and kept current: regenerating them gives the committed bytes,
// and each one reads back with the importer's schemas and parsers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { exchangeExamples } from '../../../scripts/exchange-examples';
import { parseAdx } from '../../../server/exchange/adx';
import { FIELD_NAMES, fromWire } from '../../../server/exchange/qcvn125-mapping';
import { PacketSchema } from '../../../server/exchange/qcvn125-schema';
import { parseCsv, SDMX_COLUMNS } from '../../../server/exchange/sdmx-csv';

let examples: Record<string, string>;
beforeAll(async () => {
  examples = await exchangeExamples();
}, 120_000);

const committed = (name: string) => readFileSync(join('docs', 'examples', name), 'utf8');

describe('docs/examples', () => {
  it('are what the demo exports today (npm run docs:examples rewrites them)', () => {
    for (const [name, text] of Object.entries(examples)) expect(committed(name), name).toBe(text);
  });

  it('read back: every QCVN 125 example is a valid packet, the ADX parses and the SDMX-CSV has the documented columns', () => {
    for (const name of Object.keys(examples).filter((n) => n.startsWith('qcvn125-'))) {
      expect(v.safeParse(PacketSchema, fromWire(JSON.parse(committed(name)))).success, name).toBe(true);
    }
    const adx = parseAdx(committed('adx.xml'));
    expect(adx.ok && adx.groups.map((g) => g.scope)).toEqual(['subtree', 'own']);
    expect(parseCsv(committed('sdmx.csv'))[0]).toEqual([...SDMX_COLUMNS]);
  });

  it('docs/qcvn125.md lists every wire name of the mapping module', () => {
    const doc = readFileSync(join('docs', 'qcvn125.md'), 'utf8');
    for (const [field, wire] of Object.entries(FIELD_NAMES)) expect(doc, field).toContain(`| \`${field}\` | \`${wire}\` |`);
  });
});
