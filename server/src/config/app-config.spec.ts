import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite file under the data folder, seeding demo data in development', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/pass-data' });
    expect(config.database).toEqual({ type: 'better-sqlite3', path: '/tmp/pass-data/pass.sqlite' });
    expect(config).toMatchObject({ env: 'development', port: 3000, seedDemo: true });
  });

  it('uses MySQL or MariaDB when DB_URL names one', () => {
    expect(loadConfig({ DB_URL: 'mysql://u:p@db:3306/pass' }).database).toEqual({
      type: 'mysql',
      url: 'mysql://u:p@db:3306/pass',
    });
    expect(loadConfig({ DB_URL: 'mariadb://u:p@db:3306/pass' }).database.type).toBe('mariadb');
  });

  it('connects through the Unix socket DB_SOCKET names, an absolute path, instead of the host and port', () => {
    expect(
      loadConfig({ DB_URL: 'mariadb://u:p@localhost/pass', DB_SOCKET: '/run/mysqld/mysqld.sock' }).database,
    ).toEqual({
      type: 'mariadb',
      url: 'mariadb://u:p@localhost/pass',
      socketPath: '/run/mysqld/mysqld.sock',
    });
    expect(() => loadConfig({ DB_URL: 'mariadb://u:p@localhost/pass', DB_SOCKET: 'mysqld.sock' })).toThrow(/DB_SOCKET/);
  });

  const productionSecrets = { JWT_SECRET: 'x'.repeat(32), DATA_KEY: Buffer.alloc(32, 7).toString('base64') };

  it('does not seed demo accounts in production unless asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...productionSecrets }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true', ...productionSecrets }).seedDemo).toBe(true);
  });

  it('requires the shared secrets in production, where several processes must agree on them', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET, DATA_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...productionSecrets, DATA_KEY: 'c2hvcnQ=' })).toThrow(
      /DATA_KEY:/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DB_URL: '', PORT: '' })).toMatchObject({ port: 3000, database: { type: 'better-sqlite3' } });
    expect(loadConfig({}).h5Dir).toBe(resolve('../miniapp/dist/h5'));
  });

  it("applies a province's own settings on top of its preset, validated", () => {
    const config = loadConfig({ PROVINCE: 'sichuan', PROVINCE_SETTINGS: '{"maxValidityDays":20}' });
    expect(config.province).toMatchObject({ provinceCode: '510000', maxValidityDays: 20, autoSupersede: true });
    expect(() => loadConfig({ PROVINCE_SETTINGS: '{"maxValidityDays":0}' })).toThrow(
      /PROVINCE_SETTINGS.maxValidityDays:/,
    );
    expect(() => loadConfig({ PROVINCE_SETTINGS: '{oops' })).toThrow(/PROVINCE_SETTINGS: 不是有效的 JSON/);
  });

  it('signs with Ed25519 unless SIGNING_ALGORITHM says SM2, and refuses anything else at boot', () => {
    expect(loadConfig({}).signing.algorithm).toBe('Ed25519');
    expect(loadConfig({ SIGNING_ALGORITHM: 'SM2' }).signing.algorithm).toBe('SM2');
    expect(() => loadConfig({ SIGNING_ALGORITHM: 'sm2' })).toThrow(
      /SIGNING_ALGORITHM: SIGNING_ALGORITHM 应为 Ed25519 或 SM2/,
    );
    expect(() => loadConfig({ SIGNING_ALGORITHM: 'ECDSA' })).toThrow(ConfigError);
  });

  it('limits public verifications to 120 a minute per address unless PUBLIC_VERIFY_RATE_LIMIT says otherwise', () => {
    expect(loadConfig({}).publicVerifyRateLimit).toBe(120);
    expect(loadConfig({ PUBLIC_VERIFY_RATE_LIMIT: '1000000' }).publicVerifyRateLimit).toBe(1_000_000);
    expect(() => loadConfig({ PUBLIC_VERIFY_RATE_LIMIT: '0' })).toThrow(/PUBLIC_VERIFY_RATE_LIMIT:/);
    expect(() => loadConfig({ PUBLIC_VERIFY_RATE_LIMIT: 'many' })).toThrow(/PUBLIC_VERIFY_RATE_LIMIT:/);
  });

  it('runs one server process unless SERVER_PROCESSES asks for more, which need MySQL/MariaDB', () => {
    const mariadb = { DB_URL: 'mariadb://u:p@db:3306/pass' };
    expect(loadConfig({}).serverProcesses).toBe(1);
    expect(loadConfig({ ...mariadb, SERVER_PROCESSES: '4' }).serverProcesses).toBe(4);
    expect(loadConfig({ ...mariadb, SERVER_PROCESSES: 'auto' }).serverProcesses).toBe(availableParallelism());
    expect(() => loadConfig({ ...mariadb, SERVER_PROCESSES: '0' })).toThrow(/SERVER_PROCESSES/);
    expect(() => loadConfig({ ...mariadb, SERVER_PROCESSES: 'many' })).toThrow(/SERVER_PROCESSES/);
    expect(() => loadConfig({ SERVER_PROCESSES: '2' })).toThrow(/SERVER_PROCESSES: 多个服务进程需要 MySQL/);
  });

  it('reads the notification settings, validated', () => {
    const config = loadConfig({
      NOTIFY_POLL_MS: '250',
      NOTIFY_SMS_EVENTS: 'pass.revoked, application.returned',
      WECHAT_SUBSCRIBE_TEMPLATES: '{"pass.issued":"AbC-123_x"}',
    });
    expect(config.notifications).toMatchObject({ pollMs: 250, leaseMs: 60_000, maxAttempts: 8, worker: true });
    expect(config.notifications.smsEvents).toEqual(['pass.revoked', 'application.returned']);
    expect(config.wechat.subscribeTemplates).toEqual({ 'pass.issued': 'AbC-123_x' });
    expect(() => loadConfig({ NOTIFY_SMS_EVENTS: 'pass.eaten' })).toThrow(/NOTIFY_SMS_EVENTS:/);
    expect(() => loadConfig({ WECHAT_SUBSCRIBE_TEMPLATES: '{"pass.eaten":"x"}' })).toThrow(
      /WECHAT_SUBSCRIBE_TEMPLATES/,
    );
    expect(() => loadConfig({ WECHAT_SUBSCRIBE_TEMPLATES: '{oops' })).toThrow(
      /WECHAT_SUBSCRIBE_TEMPLATES: 不是有效的 JSON/,
    );
  });

  it.each([
    [{ NOTIFY_POLL_MS: '0' }, 'NOTIFY_POLL_MS'],
    [{ NOTIFY_LEASE_MS: 'soon' }, 'NOTIFY_LEASE_MS'],
    [{ NOTIFY_MAX_ATTEMPTS: '0' }, 'NOTIFY_MAX_ATTEMPTS'],
    [{ NOTIFY_WORKER: 'maybe' }, 'NOTIFY_WORKER'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DB_URL: 'postgres://u:p@db/pass' }, 'DB_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO'],
    [{ PROVINCE: 'atlantis' }, 'PROVINCE'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});
