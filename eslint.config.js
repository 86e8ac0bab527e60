// Lint with zero warnings (npm run lint): typescript-eslint's recommended rules, Solid's rules for the
// client, and a fence that keeps domain pure (it is bundled into the browser too).
import js from '@eslint/js';
import solid from 'eslint-plugin-solid/configs/typescript';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'schema/migrations/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['error', 'warn', 'log'] }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ...solid,
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto'], message: 'domain is pure and runs in the browser too: no Node modules.' },
            { group: ['**/db/**', '**/routes/**', '**/server/**', 'hono', 'hono/*', 'drizzle-orm', 'drizzle-orm/*', '@libsql/*'], message: 'domain does no I/O.' },
          ],
        },
      ],
    },
  },
);
