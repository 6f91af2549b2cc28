import { defineConfig } from 'prisma/config';

// The CLI is used for `prisma generate` (and `prisma migrate deploy` where its engine
// can be downloaded). The app applies migrations itself: apps/api/src/database/migrator.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/switchboard' },
});
