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

  it('does not seed demo accounts in production unless asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DB_URL: '', PORT: '' })).toMatchObject({ port: 3000, database: { type: 'better-sqlite3' } });
    expect(loadConfig({}).h5Dir).toBe(resolve('../miniapp/dist/h5'));
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DB_URL: 'postgres://u:p@db/pass' }, 'DB_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});
