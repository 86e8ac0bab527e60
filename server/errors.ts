// The one error shape of the API: { error: { code, message, issues? } }, raised as HTTPException and
// rendered by app.onError, so every route fails the same way.
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody, Issue } from '../schema/api';

export type ErrorCode =
  | 'bad-request'
  | 'invalid-body'
  | 'invalid-query'
  | 'not-logged-in'
  | 'bad-credentials'
  | 'forbidden'
  | 'not-found'
  | 'unknown-unit'
  | 'unknown-template'
  | 'unknown-period'
  | 'unknown-round'
  | 'stale-revision'
  | 'wrong-state'
  | 'locked'
  | 'too-many-requests'
  | 'cross-site'
  | 'rule-violations'
  | 'invalid-values'
  | 'explanation-required'
  | 'payload-too-large'
  | 'invalid-list'
  | 'not-a-workbook'
  | 'foreign-workbook'
  | 'wrong-workbook'
  | 'already-imported'
  | 'unavailable'
  | 'internal';

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(status, { message });
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

export const badRequest = (code: ErrorCode, message: string, issues?: Issue[]) => new ApiError(400, code, message, issues);
export const notLoggedIn = () => new ApiError(401, 'not-logged-in', 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.');
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (code: ErrorCode, message: string) => new ApiError(404, code, message);
export const conflict = (code: ErrorCode, message: string) => new ApiError(409, code, message);
export const unprocessable = (code: ErrorCode, message: string, issues: Issue[]) =>
  new ApiError(422, code, message, issues);
