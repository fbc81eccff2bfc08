import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens } from '@pass/shared';
import { apiClient } from './support/api.js';
import { demoPhones } from './support/fixtures.js';
import { freePort, type ServerProcess, startServerProcess } from './support/server-process.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './support/test-database.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The pids of a process's children (node:cluster's workers of a primary), read from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its ')'.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === pid ? [Number(entry)] : [];
      } catch {
        return []; // ended while we read
      }
    });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 60_000,
  detail?: () => string,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail ? `: ${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * SERVER_PROCESSES (server/src/server-processes.ts, docs/scaling.md §2): one primary holding the port and
 * N workers on the shared database. A province runs it to use every core, so a worker that dies must be
 * replaced without the port going dark, and stopping the primary must stop every worker. The embedded
 * SQLite file cannot be shared by several processes: there the setting is refused at boot.
 */
describe(`SERVER_PROCESSES on ${testDatabaseKind}`, () => {
  if (testDatabaseKind === 'sqlite') {
    it('refuses several processes on the embedded SQLite database, with a clear message, before listening', async () => {
      const database = await createTestDatabase();
      try {
        const child = spawn(process.execPath, ['server/dist/main.js'], {
          cwd: repoRoot,
          env: {
            ...process.env,
            NODE_ENV: 'test',
            HOST: '127.0.0.1',
            PORT: String(await freePort()),
            ...database.env,
            SERVER_PROCESSES: '2',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
        expect(code).not.toBe(0);
        expect(output).toContain('多个服务进程需要 MySQL/MariaDB');
      } finally {
        await database.drop();
      }
    }, 60_000);
    return;
  }

  let database: TestDatabase;
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'pass-processes-'));
    server = await startServerProcess({ DATA_DIR: dataDir, ...database.env, SEED_DEMO: 'true', SERVER_PROCESSES: '2' });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replaces a worker that dies, and keeps answering meanwhile; stopping the primary stops every worker', async () => {
    // Both workers listen once the primary says so (the second starts after the first has migrated).
    await waitFor('both workers to listen', () =>
      /2 server processes listening/.test(server.output()) ? true : undefined,
    );
    const workers = childrenOf(server.pid);
    expect(workers).toHaveLength(2);
    const login = await apiClient(server.url).post<AuthTokens>('/auth/login', {
      phone: demoPhones.districtOfficial,
      password: 'demo1234',
    });
    expect(login.status).toBe(200);
    // Each request on a connection of its own (no keep-alive), so that the primary hands them out anew.
    const countersStatus = () =>
      new Promise<number>((resolve, reject) => {
        const req = httpGet(
          `${server.url}/api/reviews/counters`,
          { agent: false, headers: { authorization: `Bearer ${login.body.accessToken}` } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.once('error', reject);
      });
    expect(await countersStatus()).toBe(200);

    // A worker killed as by the kernel's OOM killer: no shutdown hook runs.
    process.kill(workers[0]!, 'SIGKILL');
    const replacement = await waitFor(
      'a replacement worker',
      () => {
        const pids = childrenOf(server.pid);
        const fresh = pids.filter((pid) => !workers.includes(pid));
        return pids.length === 2 && fresh.length === 1 ? fresh[0] : undefined;
      },
      60_000,
      () => `children ${childrenOf(server.pid)} (killed ${workers[0]}); output:\n${server.output().slice(-3000)}`,
    );
    expect(alive(workers[1]!)).toBe(true);
    // The primary hands connections to its workers in turn, so some of these reach the replacement:
    // each is answered, with the session another worker signed in.
    for (let i = 0; i < 10; i++) expect(await countersStatus()).toBe(200);
    expect(server.output()).toMatch(/ended \(SIGKILL\); starting another/);

    await server.stop();
    await waitFor('every worker to end', () => ([workers[1]!, replacement].some(alive) ? undefined : true), 30_000);
  }, 180_000);
});
