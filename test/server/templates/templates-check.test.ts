// `npm run templates:check -- DIR` checks a folder as start-up does, with start-up's very messages.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHolidayCalendar, VN_CIVIL_SERVICE_DAYS_OFF } from '../../../domain/periods';
import { openStore } from '../../../server/db/client';
import { checkTemplateFolder } from '../../../server/templates/check-folder';
import { loadTemplateRegistry, TEMPLATES_DIR, TemplateLoadError } from '../../../server/templates/registry';
import { loadTemplate } from '../../templates/template-files';

const calendar = createHolidayCalendar(VN_CIVIL_SERVICE_DAYS_OFF);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-check-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a shipped template, with changes, written as <dir>/<id>/<version>.json. */
function put(name: string, change: (t: Record<string, unknown>) => Record<string, unknown> = (t) => t) {
  const t = change(structuredClone(loadTemplate(name)) as unknown as Record<string, unknown>);
  mkdirSync(join(dir, String(t.id)), { recursive: true });
  writeFileSync(join(dir, String(t.id), `${String(t.version)}.json`), JSON.stringify(t, null, 2));
}

const lateProvince = (t: Record<string, unknown>) => ({
  ...t,
  regime: { ...(t.regime as object), recipientKind: 'government', deadlineWorkingDays: { commune: 2, province: 30 } },
});

describe('checkTemplateFolder', () => {
  it('accepts every shipped template, from the templates directory and from one template folder', async () => {
    const all = await checkTemplateFolder(TEMPLATES_DIR, calendar);
    expect(all.refused).toEqual([]);
    expect(all.checked).toBeGreaterThanOrEqual(8);
    expect(await checkTemplateFolder(join(TEMPLATES_DIR, 'tiep-cong-dan-xa'), calendar)).toEqual({ checked: 3, refused: [] });
  });

  it('refuses a file with the message start-up gives for it, word for word', async () => {
    put('bieu-06-vpcp-kstt/1.json', lateProvince);
    const { refused } = await checkTemplateFolder(dir, calendar);
    const store = await openStore(':memory:');
    const startup = await loadTemplateRegistry(store, dir, calendar, new Date('2026-12-01T00:00:00Z')).catch((e: unknown) => e);
    store.close();
    expect(startup).toBeInstanceOf(TemplateLoadError);
    expect(refused).toEqual([(startup as Error).message]);
    expect(refused[0]).toContain('regime.deadlineWorkingDays.province');
    expect(refused[0]).toContain('cách sửa:');
  });

  it('goes on past a broken file, and checks the versions of a template together', async () => {
    put('kinh-te-xa-hoi-xa/1.json', (t) => ({ ...t, rows: 'none' }));
    put('tiep-cong-dan-xa/1.json');
    put('tiep-cong-dan-xa/3.json');
    const { checked, refused } = await checkTemplateFolder(dir, calendar);
    expect(checked).toBe(3);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toContain('kinh-te-xa-hoi-xa/1.json');
    expect(refused[1]).toMatch(/thiếu một phiên bản.*\n[\s\S]*a version is missing/);
  });
});

describe('npm run templates:check', () => {
  it('exits 0 on the shipped templates and 1 on a broken folder, Vietnamese first', async () => {
    const run = promisify(execFile);
    const ok = await run('npx', ['tsx', 'scripts/templates-check.ts', join(TEMPLATES_DIR, 'chinh-quyen-so')], { env: { ...process.env, DATABASE_URL: '' } });
    expect(ok.stdout).toMatch(/^2 tệp mẫu hợp lệ.* \/ 2 template file\(s\) valid/);
    put('chinh-quyen-so/1.json', lateProvince);
    const failed = await run('npx', ['tsx', 'scripts/templates-check.ts', join(dir, 'chinh-quyen-so')], { env: { ...process.env, DATABASE_URL: '' } }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/^Mẫu báo cáo .*chinh-quyen-so\/1\.json bị từ chối \/ template/);
  }, 60_000);
});

describe('a preliminary round (rounds.preliminary) is checked as start-up checks it', () => {
  /** kinh-te-xa-hoi-xa/3.json alone (as version 1), with its preliminary round replaced. */
  const withPreliminary = (preliminary: unknown) =>
    put('kinh-te-xa-hoi-xa/3.json', (t) => ({ ...t, version: 1, regime: { ...(t.regime as object), rounds: { preliminary } } }));

  it('accepts the shipped version with its preliminary round', async () => {
    put('kinh-te-xa-hoi-xa/3.json', (t) => ({ ...t, version: 1 }));
    expect(await checkTemplateFolder(dir, calendar)).toEqual({ checked: 1, refused: [] });
  });

  it.each([
    [
      'a preliminary deadline after the official one',
      { deadlineDays: { commune: { day: 20 } } },
      'regime.rounds.preliminary.deadlineDays.commune',
      // Checked over every period the holiday table covers; reported at the first (January 2020).
      'hạn gửi số ước cấp xã 2020-02-20 của kỳ 202001 muộn hơn hạn gửi số chính thức 2020-02-05',
    ],
    ['no level at all', {}, 'regime.rounds.preliminary', 'lần gửi số ước chưa có hạn gửi cho cấp nào'],
    ['no working day after the cutoff', { deadlineWorkingDays: { commune: 0, province: 3 } }, 'regime.rounds.preliminary.deadlineWorkingDays.commune', 'khoản 5 Điều 8'],
    ['an unknown key', { deadlineWorkingDays: { commune: 1 }, deadline: 3 }, 'regime.rounds.preliminary.deadline', 'trường không có trong định dạng mẫu'],
  ])('refuses %s, naming the place, Vietnamese first with the English after', async (_name, preliminary, path, words) => {
    withPreliminary(preliminary);
    const { refused } = await checkTemplateFolder(dir, calendar);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain(`${path}: `);
    expect(refused[0]).toContain(words);
    expect(refused[0]).toContain('cách sửa:');
    expect(refused[0]).toContain('fix:');
  });
});
