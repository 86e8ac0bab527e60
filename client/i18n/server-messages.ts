// The server writes its refusals in Vietnamese, naming the unit, period or figures involved (server/
// errors.ts). The English UI shows the same sentence in English: each known sentence is matched and its
// names carried over; one not known here is shown with the code's English text and the original.

type Rule = [RegExp, (m: RegExpExecArray) => string];

const ACTION: Record<string, string> = { gửi: 'submitted', duyệt: 'approved', 'trả lại': 'returned' };
const STATUS: Record<string, string> = { 'đang soạn': 'a draft', 'đã gửi': 'submitted', 'đã duyệt': 'approved', 'bị trả lại': 'returned' };

const RULES: Rule[] = [
  [/^Bạn không có quyền xem báo cáo của (.+)\.$/, (m) => `You may not view the report of ${m[1]}.`],
  [/^Bạn không có quyền nhập số liệu hoặc gửi báo cáo của (.+)\.$/, (m) => `You may not enter figures in or submit the report of ${m[1]}.`],
  [/^Bạn không có quyền nhập số liệu cho (.+)\.$/, (m) => `You may not enter figures for ${m[1]}.`],
  [/^Bạn không có quyền gửi báo cáo của (.+)\.$/, (m) => `You may not submit the report of ${m[1]}.`],
  [/^Bạn không có quyền xem số liệu của (.+)\.$/, (m) => `You may not view the figures of ${m[1]}.`],
  [/^Bạn chỉ được xem báo cáo của (.+), không được góp ý\.$/, (m) => `You may only view the report of ${m[1]}, not comment on it.`],
  [/^Chỉ lãnh đạo đơn vị nhận báo cáo mới duyệt, trả lại hoặc mở lại được báo cáo của (.+)\.$/, (m) => `Only the head of the receiving unit may approve, return or reopen the report of ${m[1]}.`],
  [/^Chỉ lãnh đạo đơn vị nhận báo cáo mới (duyệt|trả lại) được báo cáo của (.+)\.$/, (m) => `Only the head of the receiving unit may ${m[1] === 'duyệt' ? 'approve' : 'return'} the report of ${m[2]}.`],
  [/^(.+) không thuộc đối tượng thực hiện báo cáo này trong kỳ\.$/, (m) => `${m[1]} does not make this report in this period.`],
  [/^Chỉ quản trị hệ thống mới làm được việc này\.$/, () => 'Only a system administrator may do this.'],
  [/^Báo cáo đã gửi hoặc đã được duyệt nên không thể sửa; cần được trả lại trước\.$/, () => 'The report has been submitted or approved and cannot be changed; it must be returned first.'],
  [/^Báo cáo vừa được gửi; không thể sửa\.$/, () => 'The report has just been submitted; it cannot be changed.'],
  [/^Báo cáo đã được thay đổi \(phiên bản (\d+), bạn gửi (\d+)\); hãy tải lại rồi lưu lại\.$/, (m) => `The report was changed meanwhile (revision ${m[1]}, you sent ${m[2]}); reload, then save again.`],
  [/^Báo cáo đã bị khóa: (.+) đã duyệt báo cáo của kỳ này được tổng hợp từ báo cáo này\.$/, (m) => `The report is locked: ${m[1]} has approved this period's report compiled from it.`],
  [/^Báo cáo còn (\d+) lỗi cần sửa trước khi gửi\.$/, (m) => `The report still has ${m[1]} errors to fix before submitting.`],
  [/^Báo cáo có (\d+) cảnh báo chưa được giải trình; hãy ghi giải trình rồi gửi lại\.$/, (m) => `The report has ${m[1]} warnings without an explanation; explain them, then submit again.`],
  [/^Không thể (gửi|duyệt|trả lại) báo cáo đang ở trạng thái "(.+)"\.$/, (m) => `A report that is ${STATUS[m[2]!] ?? m[2]} cannot be ${ACTION[m[1]!]}.`],
  [/^Không có biểu mẫu "(.+)"\.$/, (m) => `There is no form "${m[1]}".`],
  [/^Biểu mẫu "(.+)" không có phiên bản (.+)\.$/, (m) => `Form "${m[1]}" has no version ${m[2]}.`],
  [/^Không có đơn vị mã "(.+)" vào ngày (\S+) \(ngày chốt số liệu của kỳ\)\.$/, (m) => `There is no unit with code "${m[1]}" on ${m[2]} (the period's cut-off date).`],
  [/^Kỳ (\S+) còn quá xa trong tương lai: chỉ mở đến kỳ (\S+)\.$/, (m) => `Period ${m[1]} is too far in the future: periods are open up to ${m[2]}.`],
  [/^Biểu mẫu (.+) chỉ áp dụng từ kỳ (\S+); kỳ (\S+) chưa có biểu mẫu\.$/, (m) => `Form ${m[1]} applies from ${m[2]} only; period ${m[3]} has no form.`],
  [/^Tên đăng nhập hoặc mật khẩu không đúng\.$/, () => 'Wrong username or password.'],
  [/^Mật khẩu hiện tại không đúng\.$/, () => 'The current password is wrong.'],
  [/^Đăng nhập sai quá nhiều lần; hãy thử lại sau (\d+) phút\.$/, (m) => `Too many failed logins; try again in ${m[1]} minutes.`],
  [/^Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn\.$/, () => 'You are not logged in, or your session has expired.'],
  [/^Không có người dùng "(.+)"\.$/, (m) => `There is no user "${m[1]}".`],
  [/^Tên đăng nhập "(.+)" đã có người dùng\.$/, (m) => `The username "${m[1]}" is taken.`],
  [/^Dữ liệu gửi lên vượt quá 8 MB\.$/, () => 'The data sent is larger than 8 MB.'],
  [/^Cơ sở dữ liệu không trả lời\.$/, () => 'The database does not answer.'],
];

/** The English of a server sentence, or undefined when it is not one this table knows. */
export function serverMessageInEnglish(message: string): string | undefined {
  const text = message.trim();
  for (const [pattern, write] of RULES) {
    const m = pattern.exec(text);
    if (m) return write(m);
  }
  return undefined;
}
