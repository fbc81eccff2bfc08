import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  NotificationEvent,
  type ProvinceSettings,
  provinceSettingsPresets,
  provinceSettingsSchema,
  regionName,
  type SigningAlgorithm,
  signingAlgorithms,
} from '@pass/shared';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Loopback by default: the development server seeds demo accounts with known passwords. A deployment
  // that other machines reach sets HOST=0.0.0.0 (or an interface's address) on purpose.
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * mysql://user:password@host:port/database (or mariadb://… on a MariaDB server, whose catalogue
   * TypeORM reads differently); when absent, the embedded SQLite file is used.
   */
  DB_URL: z
    .url({ protocol: /^(mysql|mariadb)$/, error: 'DB_URL 必须是 mysql://用户:密码@主机:端口/数据库 形式' })
    .optional(),
  /**
   * With DB_URL, the MariaDB/MySQL server's Unix socket (e.g. /run/mysqld/mysqld.sock) instead of the
   * URL's host and port, for a database on the same machine: every statement is a socket write, and a
   * write to a Unix socket costs the server less CPU than one through loopback TCP (docs/scaling.md §4.3).
   */
  DB_SOCKET: z.string().startsWith('/', 'DB_SOCKET 必须是绝对路径').optional(),
  DATA_DIR: z.string().min(1).default('data'),
  /** Folder of the built H5 app served at `/`; left out when it does not exist. */
  H5_DIR: z.string().min(1).default('../miniapp/dist/h5'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanFlag.optional(),
  /** Behind a load balancer: take the client address from X-Forwarded-For (rate limits, sign-in throttle). */
  TRUST_PROXY: booleanFlag.default(false),
  /** Which province's rules apply: a preset name (jiangsu, sichuan, …). */
  PROVINCE: z.enum(Object.keys(provinceSettingsPresets) as [ProvincePreset, ...ProvincePreset[]]).default('jiangsu'),
  /** JSON of the settings that differ from the preset, e.g. {"quota":{"enabled":true,…}}; validated as a whole. */
  PROVINCE_SETTINGS: z.string().optional(),
  /** Shared by every server process; required in production, generated into DATA_DIR otherwise. */
  JWT_SECRET: z.string().min(32, 'JWT_SECRET 至少32个字符').optional(),
  /** Base64 of 32 random bytes; encrypts ID numbers at rest. Same rule as JWT_SECRET. */
  DATA_KEY: z
    .base64('DATA_KEY 应为 base64 编码')
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'DATA_KEY 应为32字节')
    .optional(),
  WECHAT_APP_ID: z.string().min(1).optional(),
  WECHAT_APP_SECRET: z.string().min(1).optional(),
  /** WeChat's API origin; tests point it at a local fake of jscode2session. */
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  /**
   * JSON of WeChat subscribe-message template ids by event, e.g. {"application.returned":"AbC…"}.
   * Each template has the keys thing1 (title), thing2 (summary) and time3 (when). Events without a
   * template are not sent to WeChat.
   */
  WECHAT_SUBSCRIBE_TEMPLATES: z.string().optional(),
  /** Which version of the mini-program a tap on a subscribe message opens. */
  WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
  /** How often each server process looks for notifications to deliver (the outbox worker). */
  NOTIFY_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  /** How long a claimed notification stays with its worker before another process may take it over. */
  NOTIFY_LEASE_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  /** Deliveries tried before a notification is marked failed; the wait doubles after each failure. */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  /** Officials get one digest of new queue arrivals per window of this length. */
  NOTIFY_DIGEST_MS: z.coerce.number().int().min(100).max(86_400_000).default(1_800_000),
  /** How often the scheduled scans (passes expiring within 24 hours, overdue applications) run. */
  NOTIFY_SCAN_MS: z.coerce.number().int().min(100).max(86_400_000).default(300_000),
  /** false: this process writes notifications but does not deliver them (another process does). */
  NOTIFY_WORKER: booleanFlag.default(true),
  /** Comma-separated events also sent by SMS (development: written to the log). */
  NOTIFY_SMS_EVENTS: z.string().default('pass.revoked,pass.expiring'),
  /**
   * Development and tests only: the logging SMS sender also appends each text, number in clear, to this
   * file (one JSON line a message), so a test can read a sign-in code. Refused in production.
   */
  SMS_DEV_FILE: z.string().optional(),
  /** Where phones reach this server; pass QR codes carry `<PUBLIC_BASE_URL>/V/<token>` in upper case. */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_BASE_URL 必须是 http:// 或 https:// 开头的网址' })
    .refine((v) => !/[?#]/.test(v), 'PUBLIC_BASE_URL 不能含有查询参数或锚点')
    .default('http://127.0.0.1:3000'),
  /** Pass signing keys; every server process of a deployment must see the same folder. */
  SIGNING_KEYS_DIR: z.string().min(1).optional(),
  /** Named in the trust list and in checkpoint advice; defaults from PROVINCE. */
  PASS_ISSUER_NAME: z.string().trim().min(2).max(60).optional(),
  /** Division code whose passes the keys may sign; defaults to the province of PROVINCE. */
  PASS_ISSUER_REGION: z
    .string()
    .regex(/^[1-9]\d{5}$/, 'PASS_ISSUER_REGION 应为6位行政区划代码')
    .optional(),
  /**
   * The algorithm of the keys this deployment creates (first start, rotation): Ed25519, or SM2 with
   * SM3 (国密, for the commercial-cryptography assessment). Switching takes effect at the next rotation;
   * keys of the other algorithm keep verifying until they leave the trust list.
   */
  SIGNING_ALGORITHM: z
    .enum(signingAlgorithms, { error: `SIGNING_ALGORITHM 应为 ${signingAlgorithms.join(' 或 ')}` })
    .default('Ed25519'),
  /** How long a retired key stays in the trust list; passes may not end later than this after issue. */
  SIGNING_KEY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3660).default(400),
  /**
   * Public verifications (JSON, page, status list) one client address may make per minute, per server
   * process. A scanner needs a few; a benchmark or a checkpoint gateway behind one address needs more.
   */
  PUBLIC_VERIFY_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000_000).default(120),
  /**
   * Server processes on this machine (node:cluster, one listening port): `auto` one per core, or a
   * number. Each is an ordinary instance (docs/scaling.md §2–3); more than one needs MySQL/MariaDB.
   */
  SERVER_PROCESSES: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(256)], {
      error: 'SERVER_PROCESSES 应为 auto 或 1–256 的整数',
    })
    .default(1),
  /**
   * How often the server fetches trusted issuers' documents and status lists (全国互认); 0 turns it off.
   * Fractions are allowed (0.05 = every 3 s, as the scheduled-refresh test runs it).
   */
  FEDERATION_SYNC_MINUTES: z.coerce.number().min(0).max(1440).default(10),
  /** Enterprise self-registrations one address may make per hour (each costs a 32 MiB password hash). */
  REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(10),
});

type ProvincePreset = keyof typeof provinceSettingsPresets;

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  h5Dir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: boolean;
  trustProxy: boolean;
  database: { type: 'mysql' | 'mariadb'; url: string; socketPath?: string } | { type: 'better-sqlite3'; path: string };
  province: ProvinceSettings;
  secrets: { jwtSecret?: string; dataKey?: string };
  wechat: {
    appId?: string;
    appSecret?: string;
    apiBase: string;
    subscribeTemplates: Partial<Record<NotificationEvent, string>>;
    miniprogramState: 'formal' | 'trial' | 'developer';
  };
  notifications: {
    pollMs: number;
    leaseMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    digestMs: number;
    scanMs: number;
    worker: boolean;
    smsEvents: NotificationEvent[];
    /** See SMS_DEV_FILE. */
    smsDevFile: string | null;
  };
  /** Without a trailing slash. */
  publicBaseUrl: string;
  signing: {
    keysDir: string;
    /** Of keys created from now on; existing keys keep their own. */
    algorithm: SigningAlgorithm;
    issuerName: string;
    issuerRegion: string;
    keyRetentionDays: number;
  };
  /** Requests per minute per client address on the public verification routes, per process. */
  publicVerifyRateLimit: number;
  /** Server processes to run (`auto` resolved to the cores Node may use). */
  serverProcesses: number;
  registrationsPerHour: number;
  /** Minutes between fetches of the trusted issuers' data; 0: only on demand. */
  federationSyncMinutes: number;
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
  if (e.NODE_ENV === 'production' && (!e.JWT_SECRET || !e.DATA_KEY)) {
    throw new ConfigError(
      '配置错误 (invalid configuration):\n  JWT_SECRET, DATA_KEY: 生产环境必须配置，且各服务实例相同',
    );
  }
  if (e.NODE_ENV === 'production' && e.SMS_DEV_FILE) {
    throw new ConfigError('配置错误 (invalid configuration):\n  SMS_DEV_FILE: 仅用于开发和测试，生产环境不能配置');
  }
  const serverProcesses = e.SERVER_PROCESSES === 'auto' ? availableParallelism() : e.SERVER_PROCESSES;
  if (serverProcesses > 1 && !e.DB_URL) {
    throw new ConfigError(
      '配置错误 (invalid configuration):\n  SERVER_PROCESSES: 多个服务进程需要 MySQL/MariaDB（DB_URL），内置 SQLite 只能由一个进程使用',
    );
  }
  const dataDir = resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    h5Dir: resolve(e.H5_DIR),
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV === 'development',
    trustProxy: e.TRUST_PROXY,
    database: e.DB_URL
      ? {
          type: e.DB_URL.startsWith('mariadb:') ? 'mariadb' : 'mysql',
          url: e.DB_URL,
          ...(e.DB_SOCKET ? { socketPath: e.DB_SOCKET } : {}),
        }
      : { type: 'better-sqlite3', path: resolve(dataDir, 'pass.sqlite') },
    province: provinceSettings(e.PROVINCE, e.PROVINCE_SETTINGS),
    secrets: { jwtSecret: e.JWT_SECRET, dataKey: e.DATA_KEY },
    wechat: {
      appId: e.WECHAT_APP_ID,
      appSecret: e.WECHAT_APP_SECRET,
      apiBase: e.WECHAT_API_BASE,
      subscribeTemplates: subscribeTemplates(e.WECHAT_SUBSCRIBE_TEMPLATES),
      miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
    },
    notifications: {
      pollMs: e.NOTIFY_POLL_MS,
      leaseMs: e.NOTIFY_LEASE_MS,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
      digestMs: e.NOTIFY_DIGEST_MS,
      scanMs: e.NOTIFY_SCAN_MS,
      worker: e.NOTIFY_WORKER,
      smsEvents: smsEvents(e.NOTIFY_SMS_EVENTS),
      smsDevFile: e.SMS_DEV_FILE ? resolve(e.SMS_DEV_FILE) : null,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    signing: {
      keysDir: e.SIGNING_KEYS_DIR ? resolve(e.SIGNING_KEYS_DIR) : resolve(dataDir, 'keys'),
      algorithm: e.SIGNING_ALGORITHM,
      issuerName:
        e.PASS_ISSUER_NAME ??
        `${regionName(provinceSettingsPresets[e.PROVINCE].provinceCode)}重点物资运输车辆通行证签发系统`,
      issuerRegion: e.PASS_ISSUER_REGION ?? provinceSettingsPresets[e.PROVINCE].provinceCode,
      keyRetentionDays: e.SIGNING_KEY_RETENTION_DAYS,
    },
    publicVerifyRateLimit: e.PUBLIC_VERIFY_RATE_LIMIT,
    serverProcesses,
    federationSyncMinutes: e.FEDERATION_SYNC_MINUTES,
    registrationsPerHour: e.REGISTRATIONS_PER_HOUR,
  };
}

const notificationEvent = z.enum(NotificationEvent);

function subscribeTemplates(json: string | undefined): Partial<Record<NotificationEvent, string>> {
  let value: unknown = {};
  try {
    value = json ? JSON.parse(json) : {};
  } catch {
    throw new ConfigError('配置错误 (invalid configuration):\n  WECHAT_SUBSCRIBE_TEMPLATES: 不是有效的 JSON');
  }
  const parsed = z.partialRecord(notificationEvent, z.string().regex(/^[\w-]{1,128}$/)).safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  WECHAT_SUBSCRIBE_TEMPLATES.${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function smsEvents(list: string): NotificationEvent[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const parsed = z.array(notificationEvent).safeParse(names);
  if (!parsed.success) {
    throw new ConfigError(`配置错误 (invalid configuration):\n  NOTIFY_SMS_EVENTS: 未知事件 ${list}`);
  }
  return parsed.data;
}

/** A preset with a province's own changes on top, checked by the shared settings schema. */
function provinceSettings(preset: ProvincePreset, overrides: string | undefined): ProvinceSettings {
  let changes: unknown = {};
  try {
    changes = overrides ? JSON.parse(overrides) : {};
  } catch {
    throw new ConfigError('配置错误 (invalid configuration):\n  PROVINCE_SETTINGS: 不是有效的 JSON');
  }
  const merged = provinceSettingsSchema.safeParse({ ...provinceSettingsPresets[preset], ...(changes as object) });
  if (!merged.success) {
    const lines = merged.error.issues.map((i) => `  PROVINCE_SETTINGS.${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  return merged.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
