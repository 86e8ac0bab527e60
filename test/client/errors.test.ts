// A refusal from the server is shown with its specific reason, in Vietnamese as written and in English
// when the UI is English; the code's general text is only the fallback.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../client/api';
import { errorMessage } from '../../client/errors';
import { setLocale } from '../../client/i18n';
import { serverMessageInEnglish } from '../../client/i18n/server-messages';

afterEach(() => setLocale('vi'));

const denied = new ApiError(403, 'forbidden', 'Bạn không có quyền xem báo cáo của Phường Đông Kinh.');

describe('errorMessage', () => {
  it("shows the server's specific Vietnamese sentence, not the general one", () => {
    expect(errorMessage(denied)).toBe('Bạn không có quyền xem báo cáo của Phường Đông Kinh.');
  });

  it('translates it, names kept, when the UI is English', () => {
    setLocale('en');
    expect(errorMessage(denied)).toBe('You may not view the report of Phường Đông Kinh.');
    expect(errorMessage(new ApiError(409, 'stale-revision', 'Báo cáo đã được thay đổi (phiên bản 4, bạn gửi 3); hãy tải lại rồi lưu lại.'))).toBe(
      'The report was changed meanwhile (revision 4, you sent 3); reload, then save again.',
    );
  });

  it('keeps a sentence it cannot translate beside the English of its code', () => {
    setLocale('en');
    expect(errorMessage(new ApiError(400, 'invalid-body', 'Gửi từ 1 đến 50 gói tin.'))).toBe('The data sent is invalid. (Gửi từ 1 đến 50 gói tin.)');
  });

  it("uses its own words when the server was not reached, not the browser's", () => {
    expect(errorMessage(new ApiError(0, 'network', 'Failed to fetch'))).toBe('Không kết nối được tới máy chủ. Kiểm tra mạng rồi thử lại.');
    setLocale('en');
    expect(errorMessage(new ApiError(0, 'timeout', 'aborted'))).toBe('The server took too long to answer. Try again in a few minutes.');
  });

  it('falls back to the status when there is no error body', () => {
    expect(errorMessage(new ApiError(502, 'unknown', 'Bad Gateway'))).toBe('Đã xảy ra lỗi (502).');
  });
});

describe('serverMessageInEnglish', () => {
  it.each([
    ['Báo cáo vừa được gửi; không thể sửa.', 'The report has just been submitted; it cannot be changed.'],
    ['Không thể duyệt báo cáo đang ở trạng thái "đang soạn".', 'A report that is a draft cannot be approved.'],
    ['Chỉ lãnh đạo đơn vị nhận báo cáo mới trả lại được báo cáo của Xã A.', 'Only the head of the receiving unit may return the report of Xã A.'],
    ['Báo cáo có 2 cảnh báo chưa được giải trình; hãy ghi giải trình rồi gửi lại.', 'The report has 2 warnings without an explanation; explain them, then submit again.'],
  ])('%s', (vi, en) => {
    expect(serverMessageInEnglish(vi)).toBe(en);
  });
});
