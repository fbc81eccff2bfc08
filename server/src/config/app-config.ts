import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * mysql://user:password@host:port/database (or mariadb://… on a MariaDB server, whose catalogue
   * TypeORM reads differently); when absent, the embedded SQLite file is used.
   */
  DB_URL: z
    .url({ protocol: /^(mysql|mariadb)$/, error: 'DB_URL 必须是 mysql://用户:密码@主机:端口/数据库 形式' })
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  /** Folder of the built H5 app served at `/`; left out when it does not exist. */
  H5_DIR: z.string().min(1).default('../miniapp/dist/h5'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanFlag.optional(),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  h5Dir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: boolean;
  database: { type: 'mysql' | 'mariadb'; url: string } | { type: 'better-sqlite3'; path: string };
}

export class ConfigError extends Error {}

/** Reads the environment once, at boot; a bad value stops the server with a message that names it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    h5Dir: resolve(e.H5_DIR),
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV === 'development',
    database: e.DB_URL
      ? { type: e.DB_URL.startsWith('mariadb:') ? 'mariadb' : 'mysql', url: e.DB_URL }
      : { type: 'better-sqlite3', path: resolve(dataDir, 'pass.sqlite') },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
