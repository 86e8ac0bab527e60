// A warning does not block a report but needs an explanation (Biểu 06, instruction 6: column (4) "từ kỳ
// trước" equals column (9) of the previous period, or the officer explains why not). The previous quarter
// left 3 Hộ tịch dossiers pending; this quarter the officer carries over 0: the cell turns amber, the
// issues panel asks for an explanation, submitting is refused until it is written, and once saved it is
// kept with the submitted report.
import { describe, expect, it, onTestFinished } from 'vitest';
import { ApiError } from '../../client/api';
import { apiAs, cell, classesOf, openReport, poll, startE2E, text, typeRows } from './browser';

const TEMPLATE = 'bieu-06-vpcp-kstt';
// Quý IV/2025 (15/09–14/12/2025) has just closed; after the 2025 reform code 05977 is Phường Đông Kinh.
const NOW = new Date('2025-12-16T02:00:00Z');
const PERIOD = '2025Q4';
const PREVIOUS = '2025Q3';
const UNIT = '05977';
const OFFICER = `canbo-${UNIT}`;

// Columns in template order: nhận (tổng, trực tuyến, trực tiếp, từ kỳ trước), đã giải quyết (tổng,
// trước hạn, đúng hạn, quá hạn), đang giải quyết (tổng, trong hạn, quá hạn).
const COLUMNS = [
  'nhan_tong', 'nhan_truc_tuyen', 'nhan_truc_tiep', 'nhan_ky_truoc',
  'da_gq_tong', 'da_gq_truoc_han', 'da_gq_dung_han', 'da_gq_qua_han',
  'dang_gq_tong', 'dang_gq_trong_han', 'dang_gq_qua_han',
] as const;
// Last quarter: 10 received, 7 resolved, 3 still pending at the cutoff.
const PREVIOUS_HO_TICH = [10, 6, 4, 0, 7, 5, 2, 0, 3, 3, 0];
// This quarter: every balance holds (8 = 5 + 3 + 0, 8 = 6 + 2 + 0, 0 = 0 + 0, 8 = 8 + 0), but 0 carried over, not 3.
const CURRENT_HO_TICH = ['8', '5', '3', '0', '8', '6', '2', '0', '0', '0', '0'];

const RULE = 'carried-over-matches-previous';
const MESSAGE = 'Hộ tịch: số hồ sơ từ kỳ trước ở cột (4) là 0, khác số hồ sơ đang giải quyết ở cột (9) của kỳ trước là 3; giải trình lý do.';
const EXPLANATION = '03 hồ sơ đăng ký khai sinh kỳ trước công dân đã rút, không chuyển sang kỳ này.';
// The warning colour of the stylesheet (--c-warning-bg, #fff4dc).
const AMBER = 'rgb(255, 244, 220)';

describe('a warning needs an explanation to submit', () => {
  it('marks the carried-over cell amber, refuses to submit until the warning is explained, then keeps the explanation with the submitted report', async () => {
    // A server of its own per attempt: a retry must not start from the report the failed attempt submitted.
    const e2e = await startE2E('explanation', NOW);
    onTestFinished(() => e2e.close());
    // The previous quarter's figures, saved through the API (a draft is enough for prev() to read them).
    const api = await apiAs(e2e, OFFICER);
    await api.putValues(TEMPLATE, PREVIOUS, UNIT, {
      revision: 0,
      values: COLUMNS.map((col, i) => ({ row: '01', col, value: PREVIOUS_HO_TICH[i]! })),
    });

    const page = await e2e.logIn(OFFICER);
    await openReport(page, e2e.url, TEMPLATE, PERIOD, UNIT);
    await typeRows(page, { '01': CURRENT_HO_TICH });

    // The cell the warning is about is amber, and only that one; no error anywhere.
    const carriedOver = cell(page, '01', 'nhan_ky_truoc');
    await poll(() => classesOf(carriedOver)).toContain('report-cell-warning');
    await poll(() => carriedOver.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(AMBER);
    await poll(() => page.locator('.report-grid .report-cell-warning').count()).toBe(1);
    await poll(() => page.locator('.report-grid .report-cell-error').count()).toBe(0);

    // The issues panel names the cell and the rule's message, and asks for an explanation.
    const panel = page.locator('.issues-panel');
    await poll(() => text(panel.locator('.count-warning'))).toBe('1 cảnh báo');
    await poll(() => panel.locator('.count-error').count()).toBe(0);
    const warning = panel.locator('.issue-warning');
    await poll(() => warning.count()).toBe(1);
    // Version 2 (from 2025Q3) sets "Từ kỳ trước chuyển qua" beside "Trong kỳ", no longer under "Trong đó".
    await poll(() => text(warning.locator('.issue-cell'))).toBe('Dòng 01 Hộ tịch · Số hồ sơ nhận giải quyết › Từ kỳ trước chuyển qua');
    await poll(() => text(warning.locator('.issue-message'))).toBe(MESSAGE);
    const explanation = warning.getByRole('textbox', { name: 'Giải trình' });
    await poll(() => explanation.inputValue()).toBe('');
    await poll(() => classesOf(explanation)).toContain('missing');

    // Submitting without an explanation is refused before the confirmation dialog.
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await poll(() => text(page.locator('.toast-error'))).toBe('Cần giải trình cho mọi cảnh báo trước khi gửi.');
    await poll(() => page.locator('dialog').count()).toBe(0);

    // The server refuses it too, naming the unexplained warning, once the figures are saved.
    await page.keyboard.press('Control+s');
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    const refusal = await api.submit(TEMPLATE, PERIOD, UNIT).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 422, code: 'explanation-required', issues: [{ code: RULE, row: '01', col: 'nhan_ky_truoc' }] });

    // Written in the panel and saved, the explanation lets the report go.
    await explanation.fill(EXPLANATION);
    await poll(() => classesOf(explanation)).not.toContain('missing');
    // An explanation is counted as such, not as a cell (issue 13).
    await poll(() => text(page.locator('.save-state'))).toBe('1 giải trình chưa lưu');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await poll(() => text(page.locator('.save-state'))).toMatch(/^Đã lưu lúc/);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('.form-header .badge-submitted').waitFor();
    await poll(() => text(page.locator('.toast-success'))).toBe('Đã gửi báo cáo.');

    // Reopened, the submitted report still shows the warning with its explanation, now read-only.
    await page.reload();
    await page.locator('.form-header .badge-submitted').waitFor();
    const kept = page.locator('.issues-panel .issue-warning').getByRole('textbox', { name: 'Giải trình' });
    await poll(() => kept.inputValue()).toBe(EXPLANATION);
    await poll(() => kept.getAttribute('readonly')).not.toBeNull();
    await poll(() => text(page.locator('.issues-panel .issue-warning .issue-message'))).toBe(MESSAGE);

    const report = await api.report(TEMPLATE, PERIOD, UNIT);
    expect(report.status).toBe('submitted');
    expect(report.explanations).toEqual([{ rule: RULE, row: '01', col: 'nhan_ky_truoc', text: EXPLANATION }]);
    await page.context().close();
  });
});
