import { z } from './zod.js';

export const healthStatusSchema = z
  .strictObject({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.strictObject({
      type: z.enum(['mysql', 'mariadb', 'better-sqlite3']),
      up: z.boolean(),
      /** The newest migration applied, so operators can tell which schema a node runs. */
      migration: z.string().nullable().meta({ description: '已执行的最新数据库迁移' }),
    }),
  })
  .meta({ id: 'HealthStatus' });
export type HealthStatus = z.infer<typeof healthStatusSchema>;
