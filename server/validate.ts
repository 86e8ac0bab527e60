// valibot at every boundary: a validator middleware that fails in the API's one error shape, naming
// each offending field, so handlers read input only through c.req.valid(...).
import { vValidator } from '@hono/valibot-validator';
import type { ValidationTargets } from 'hono';
import * as v from 'valibot';
import type { Issue } from '../schema/api';
import { badRequest } from './errors';

/** Turns valibot issues into the API's issue list: the dotted path of each field and why. */
export function toIssues(issues: readonly v.BaseIssue<unknown>[]): Issue[] {
  return issues.map((issue) => ({
    row: '',
    col: v.getDotPath(issue) ?? '',
    code: 'invalid-field',
    message: `${v.getDotPath(issue) ?? 'body'}: ${issue.message}`,
  }));
}

export function valid<T extends v.GenericSchema, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return vValidator(target, schema, (result) => {
    if (!result.success) {
      const what = target === 'json' ? 'body' : target === 'query' ? 'query string' : target;
      const issues = toIssues(result.issues);
      throw badRequest(
        target === 'json' ? 'invalid-body' : target === 'query' ? 'invalid-query' : 'bad-request',
        `The ${what} is not valid: ${issues.map((i) => i.message).join('; ')}`,
        issues,
      );
    }
  });
}
