// drizzle-kit reads this to generate SQL migrations from schema/db.ts into schema/migrations.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './schema/db.ts',
  out: './schema/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:data/reporting.db' },
});
