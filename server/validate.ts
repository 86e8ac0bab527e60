// valibot at every boundary: a validator middleware that fails in the API's one error shape, naming
// each offending field, so handlers read input only through c.req.valid(...).
import { vValidator } from '@hono/valibot-validator';
import type { ValidationTargets } from 'hono';
import * as v from 'valibot';
import type { Issue } from '../schema/api';
import { badRequest } from './errors';

/** Turns valibot issues into the API's issue list: the dotted path of each field and why. */
export function toIssues(issues: readonly v.BaseIssue<unknown>[]): Issue[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue) ?? '';
    const missing = issue.input === undefined && issue.kind === 'schema';
    return {
      row: '',
      col: path,
      code: missing ? 'missing-field' : 'invalid-field',
      message: `${path || 'body'}: ${missing ? 'bắt buộc phải có (required)' : issue.message}`,
    };
  });
}

/** What a validator checks, kept on the middleware so the OpenAPI description is built from it. */
export const VALIDATES = Symbol('validates');
export interface Validates {
  target: keyof ValidationTargets;
  schema: v.GenericSchema;
}

export function valid<T extends v.GenericSchema, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const middleware = vValidator(target, schema, (result) => {
    if (!result.success) {
      const what = target === 'json' ? 'Nội dung gửi lên' : target === 'query' ? 'Tham số truy vấn' : 'Yêu cầu';
      const issues = toIssues(result.issues);
      throw badRequest(
        target === 'json' ? 'invalid-body' : target === 'query' ? 'invalid-query' : 'bad-request',
        `${what} không hợp lệ: ${issues.map((i) => i.message).join('; ')}`,
        issues,
      );
    }
  });
  return Object.assign(middleware, { [VALIDATES]: { target, schema } satisfies Validates });
}
