import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { migrations } from '../src/database/migrations/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseKind } from './support/test-database.js';

describe(`server on ${testDatabaseKind}`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports the database up and the schema migrated', async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: expect.any(String),
      database: {
        type: testDatabaseKind === 'sqlite' ? 'better-sqlite3' : 'mariadb',
        up: true,
        migration: migrations.at(-1)!.name,
      },
    });
  });

  it('migrated on start: the tables exist in the throw-away database', async () => {
    const rows: { name: string }[] = await t.app
      .get(DataSource)
      .query(
        t.database.kind === 'sqlite'
          ? "SELECT name FROM sqlite_master WHERE type = 'table'"
          : 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
        t.database.kind === 'sqlite' ? [] : [t.database.name],
      );
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['migrations', 'accounts', 'applications']));
  });

  it('publishes an OpenAPI document and its UI', async () => {
    const doc = (await (await fetch(`${t.url}/api/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/health');
    const ui = await fetch(`${t.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('answers an unknown API route with a stable error code and a Chinese message', async () => {
    const res = await fetch(`${t.url}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'NOT_FOUND', message: '未找到相关记录' });
  });

  it('reports the database down (503) when it cannot reach it', async () => {
    const dataSource = t.app.get(DataSource);
    await dataSource.destroy();
    try {
      const res = await fetch(`${t.url}/api/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'degraded', database: { up: false } });
    } finally {
      await dataSource.initialize();
    }
  });
});
