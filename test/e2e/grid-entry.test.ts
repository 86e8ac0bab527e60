// Entry as quick as Excel (issue 10), in Chromium on Biểu 06 (a computed "Tổng cộng" row on top, 20 rows
// of 11 input columns): typing replaces, F2 or Enter edits, Enter goes down, Tab across, arrows, Home/End
// and Ctrl+arrows skip the computed row, Delete clears a cell or a block; Shift+arrows and Shift+click
// select a block drawn as in Excel, Ctrl+C copies it as tab-separated text, Ctrl+V pastes a block from the
// focused cell (the computed row keeps its own value), refuses one that does not fit, and undo/redo take
// a paste or a cleared block back as one action.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, classesOf, focused, openReport, paste, poll, startE2E, text, type E2E } from './browser';

const TEMPLATE = 'bieu-06-vpcp-kstt';
const NOW = new Date('2024-12-16T02:00:00Z');
const PERIOD = '2024Q4';
const UNIT = '05971';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('grid-entry', NOW);
});

afterAll(async () => {
  await e2e?.close();
});

const editing = (page: Page) => page.locator('.report-grid .ag-cell-inline-editing').count();

async function openForm(origin: string): Promise<Page> {
  const page = await e2e.logIn('canbo-05971');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await openReport(page, e2e.url, TEMPLATE, PERIOD, UNIT);
  await cell(page, '01', 'nhan_tong').waitFor();
  return page;
}

describe('keyboard entry', () => {
  it('types, edits, moves and clears like Excel, never stopping on the computed row', async () => {
    const page = await openForm(e2e.url);
    // Typing replaces; Enter keeps it and goes down.
    await cell(page, '01', 'nhan_tong').click();
    await page.keyboard.type('12');
    await poll(() => editing(page)).toBe(1);
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('12');
    await poll(() => focused(page)).toBe('02/nhan_tong');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toBe('04/nhan_tong');
    // The computed row above 01 is skipped: ArrowUp stops at 01.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    await poll(() => focused(page)).toBe('01/nhan_tong');
    // F2 edits the value in place (the caret at the end), Enter moves down.
    await page.keyboard.press('F2');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('120');
    await poll(() => focused(page)).toBe('02/nhan_tong');
    // Enter on a cell edits it; Escape leaves it as it was.
    await page.keyboard.press('Enter');
    await poll(() => editing(page)).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => editing(page)).toBe(0);
    await poll(() => text(cell(page, '02', 'nhan_tong'))).toBe('3');
    // Tab and Shift+Tab across, Home and End along the row.
    await page.keyboard.press('Tab');
    await poll(() => focused(page)).toBe('02/nhan_truc_tuyen');
    await page.keyboard.press('Shift+Tab');
    await poll(() => focused(page)).toBe('02/nhan_tong');
    await page.keyboard.press('End');
    await poll(() => focused(page)).toBe('02/dang_gq_qua_han');
    await page.keyboard.press('Home');
    await poll(() => focused(page)).toBe('02/nhan_tong');
    await page.keyboard.press('ArrowRight');
    await poll(() => focused(page)).toBe('02/nhan_truc_tuyen');
    await page.keyboard.press('ArrowLeft');
    // Ctrl+arrows: to the end of the filled block (01–03), then past the empty rows to the last row.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+ArrowDown');
    await poll(() => focused(page)).toBe('03/nhan_tong');
    await page.keyboard.press('Control+ArrowDown');
    await poll(() => focused(page)).toBe('20/nhan_tong');
    await page.keyboard.press('Control+ArrowUp');
    await poll(() => focused(page)).toBe('03/nhan_tong');
    await page.keyboard.press('Control+ArrowUp');
    await poll(() => focused(page)).toBe('01/nhan_tong');
    // Delete clears one cell…
    await cell(page, '03', 'nhan_tong').click();
    await page.keyboard.press('Delete');
    await poll(() => text(cell(page, '03', 'nhan_tong'))).toBe('');
    // …or a selected block, as one action that Ctrl+Z brings back.
    await cell(page, '01', 'nhan_tong').click();
    await page.keyboard.press('Shift+ArrowDown');
    await poll(() => classesOf(cell(page, '02', 'nhan_tong'))).toContain('report-range-many');
    await page.keyboard.press('Delete');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('');
    await poll(() => text(cell(page, '02', 'nhan_tong'))).toBe('');
    await page.keyboard.press('Control+z');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('120');
    await poll(() => text(cell(page, '02', 'nhan_tong'))).toBe('3');
    await poll(() => text(cell(page, 'TC', 'nhan_tong'))).toBe('123');
    // The computed row is never editable: typing on it does nothing.
    await cell(page, 'TC', 'nhan_tong').click();
    await page.keyboard.type('9');
    await page.keyboard.press('F2');
    await poll(() => editing(page)).toBe(0);
    await cell(page, 'TC', 'nhan_tong').dblclick();
    await poll(() => editing(page)).toBe(0);
    await poll(() => text(cell(page, 'TC', 'nhan_tong'))).toBe('123');
    await page.context().close();
  });
});

describe('keys pressed before the grid reports a click', () => {
  // AG Grid tells the page about a new focused cell asynchronously; an officer who clicks and presses a key
  // at once (or a busy machine) must still act on the cell clicked, never on the one before it.
  it('clears the clicked cell, and grows a Shift+arrow block from it, when the key comes in the same task as the click', async () => {
    const page = await openForm(e2e.url);
    await cell(page, '01', 'nhan_tong').click();
    for (const v of ['7', '8', '9']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    await poll(() => text(cell(page, '03', 'nhan_tong'))).toBe('9');
    await cell(page, '01', 'nhan_tong').click();
    await poll(() => focused(page)).toBe('01/nhan_tong');
    // One task: the mouse goes down on 02 and Delete follows before any event of the grid's is delivered.
    const clickThenKeys = (row: string, keys: { key: string; shiftKey?: boolean }[]) =>
      page.evaluate(
        ({ row, keys }) => {
          const target = document.querySelector(`.report-grid [row-id="${row}"] [col-id="nhan_tong"]`)!;
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
            const init = { bubbles: true, cancelable: true, button: 0 };
            target.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, { ...init, isPrimary: true, pointerType: 'mouse' }) : new MouseEvent(type, init));
          }
          for (const k of keys) target.dispatchEvent(new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true }));
        },
        { row, keys },
      );
    await clickThenKeys('02', [{ key: 'Delete' }]);
    await poll(() => text(cell(page, '02', 'nhan_tong'))).toBe('');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('7');
    // The late focus event does not shrink a block a Shift+arrow grew in the meantime.
    await clickThenKeys('01', [{ key: 'ArrowDown', shiftKey: true }, { key: 'ArrowDown', shiftKey: true }]);
    await poll(() => classesOf(cell(page, '03', 'nhan_tong'))).toEqual(expect.arrayContaining(['report-range-many', 'report-range-bottom']));
    await page.keyboard.press('Delete');
    for (const r of ['01', '02', '03']) await poll(() => text(cell(page, r, 'nhan_tong'))).toBe('');
    await page.keyboard.press('Control+z');
    await poll(() => text(cell(page, '01', 'nhan_tong'))).toBe('7');
    await poll(() => text(cell(page, '03', 'nhan_tong'))).toBe('9');
    await page.context().close();
  });
});

describe('blocks, clipboard and undo', () => {
  it('selects with Shift+click and Shift+arrows, copies and cuts tab-separated text, pastes a block and undoes it whole', async () => {
    const page = await openForm(e2e.url);
    await cell(page, '05', 'nhan_tong').click();
    await paste(page, '1.234\t5\t6\r\n7\t8\t9\r\n');
    await poll(() => text(page.locator('.toast-success').last())).toBe('Đã dán 6 ô.');
    await poll(() => text(cell(page, '05', 'nhan_tong'))).toBe('1.234');
    await poll(() => text(cell(page, '06', 'nhan_truc_tiep'))).toBe('9');
    await poll(() => text(cell(page, 'TC', 'nhan_tong'))).toBe('1.241');
    // The pasted block stays selected, framed on its edges.
    await poll(() => classesOf(cell(page, '05', 'nhan_tong'))).toEqual(expect.arrayContaining(['report-range-many', 'report-range-top', 'report-range-left']));
    await poll(() => classesOf(cell(page, '06', 'nhan_truc_tiep'))).toEqual(expect.arrayContaining(['report-range-bottom', 'report-range-right']));
    await poll(() => classesOf(cell(page, '07', 'nhan_tong'))).not.toContain('report-range');

    // Shift+click from 05/nhan_truc_tuyen to 06/nhan_truc_tiep, then Ctrl+C.
    await cell(page, '05', 'nhan_truc_tuyen').click();
    await cell(page, '06', 'nhan_truc_tiep').click({ modifiers: ['Shift'] });
    await poll(() => classesOf(cell(page, '05', 'nhan_truc_tiep'))).toContain('report-range-many');
    await page.keyboard.press('Control+c');
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('5\t6\r\n8\t9\r\n');
    // As in Excel the active cell stays where the block began.
    await poll(() => focused(page)).toBe('05/nhan_truc_tuyen');
    // Ctrl+X copies the block and clears it, one action: Ctrl+Z brings it back.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.keyboard.press('Control+x');
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('5\t6\r\n8\t9\r\n');
    for (const [r, c] of [['05', 'nhan_truc_tuyen'], ['05', 'nhan_truc_tiep'], ['06', 'nhan_truc_tuyen'], ['06', 'nhan_truc_tiep']]) await poll(() => text(cell(page, r!, c!))).toBe('');
    await poll(() => text(cell(page, '05', 'nhan_tong'))).toBe('1.234');
    await page.keyboard.press('Control+z');
    await poll(() => text(cell(page, '05', 'nhan_truc_tuyen'))).toBe('5');
    await poll(() => text(cell(page, '06', 'nhan_truc_tiep'))).toBe('9');
    // Shift+arrows from the computed row take it in too (its figures can be copied).
    await cell(page, 'TC', 'nhan_tong').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+c');
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('1.241\t13\r\n');

    // Ctrl+Z takes the whole paste back, Ctrl+Y and the buttons redo and undo it.
    await cell(page, '10', 'nhan_tong').click();
    await page.keyboard.press('Control+z');
    for (const c of ['nhan_tong', 'nhan_truc_tuyen', 'nhan_truc_tiep']) {
      await poll(() => text(cell(page, '05', c))).toBe('');
      await poll(() => text(cell(page, '06', c))).toBe('');
    }
    await page.keyboard.press('Control+y');
    await poll(() => text(cell(page, '06', 'nhan_truc_tiep'))).toBe('9');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await poll(() => text(cell(page, '05', 'nhan_tong'))).toBe('');
    await page.getByRole('button', { name: 'Làm lại' }).click();
    await poll(() => text(cell(page, '05', 'nhan_tong'))).toBe('1.234');

    // A paste onto the computed row: its value is the form's, the next row gets the next line.
    await cell(page, 'TC', 'nhan_ky_truoc').click();
    await paste(page, '50\n2\n');
    await poll(() => text(page.locator('.toast-success').last())).toBe('Đã dán 1 ô; bỏ qua 1 giá trị rơi vào ô tự tính hoặc không áp dụng.');
    await poll(() => text(cell(page, '01', 'nhan_ky_truoc'))).toBe('2');
    await poll(() => text(cell(page, 'TC', 'nhan_ky_truoc'))).toBe('2');

    // A block that runs past the form is refused whole, with the room there is.
    // Row 19 is below the fold: get there by keyboard (the grid scrolls it into view).
    await cell(page, '01', 'da_gq_qua_han').click();
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('ArrowUp');
    await poll(() => focused(page)).toBe('19/da_gq_qua_han');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await paste(page, '1\t2\t3\t4\n5\t6\t7\t8\n9\t9\t9\t9\n');
    await poll(() => text(page.locator('.toast-error').last())).toBe(
      'Khối dán có 3 dòng × 4 cột, nhưng từ ô đang chọn đến hết biểu chỉ còn 2 dòng × 7 cột. Chưa dán gì; hãy chọn ô bắt đầu khác.',
    );
    await poll(() => text(cell(page, '19', 'da_gq_tong'))).toBe('');
    await page.keyboard.press('End');
    await paste(page, '1\t2\n');
    await poll(() => text(page.locator('.toast-error').last())).toContain('Khối dán có 1 dòng × 2 cột');
    // …and so is one with text a number cell cannot take.
    await page.keyboard.press('Home');
    await paste(page, '4\tabc\n');
    await poll(() => text(page.locator('.toast-error').last())).toBe(
      'Không dán được: Dòng 19 Giải quyết khiếu nại, tố cáo · Số hồ sơ nhận giải quyết › Trong đó › Trực tuyến không nhận "abc" (không phải số hợp lệ). Chưa dán gì.',
    );
    await poll(() => text(cell(page, '19', 'nhan_tong'))).toBe('');
    await page.context().close();
  });
});
