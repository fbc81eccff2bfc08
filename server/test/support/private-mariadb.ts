import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './server-process.js';

/**
 * A MariaDB server of a test's own, in a temporary folder on a free port, that the test may stop and
 * start again: a fault test must never stop the machine's MariaDB, which every other test file is
 * using at the same time. Needs the mariadb-server package (scripts/test.sh installs it).
 */
export interface PrivateMariaDb {
  port: number;
  /** `mariadb://root@127.0.0.1:<port>/<database>`: grant tables are skipped, so any user gets in. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stops the server: SIGKILL as a crash, SIGTERM as an orderly shutdown. Resolves once it has exited. */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts it again on the same port and data folder; resolves once it answers queries. */
  start(): Promise<void>;
  /** Stops it and deletes its data folder. */
  destroy(): Promise<void>;
}

function findBinary(name: string, fallbacks: string[]): string {
  for (const path of fallbacks) if (existsSync(path)) return path;
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} is not installed: run scripts/test.sh, or apt-get install -y mariadb-server`);
  }
}

export async function startPrivateMariaDb(): Promise<PrivateMariaDb> {
  const mariadbd = findBinary('mariadbd', ['/usr/sbin/mariadbd', '/usr/bin/mariadbd']);
  const installDb = findBinary('mariadb-install-db', ['/usr/bin/mariadb-install-db']);
  // Short path: the socket's path must fit in 108 bytes.
  const root = mkdtempSync(join(tmpdir(), 'pass-mdb-'));
  const dataDir = join(root, 'data');
  // As root, mariadbd runs only as another user (`mysql`), which must own the folder.
  const asRoot = process.getuid?.() === 0;
  const userArgs = asRoot ? ['--user=mysql'] : [];
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'mysql'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'mysql'], { encoding: 'utf8' }).trim());
    chmodSync(root, 0o755);
    chownSync(root, uid, gid);
  }
  execFileSync(
    installDb,
    [
      '--no-defaults',
      ...userArgs,
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
    ],
    { stdio: 'pipe' },
  );
  const port = await freePort();
  const args = [
    // Nothing from /etc/mysql: the machine's settings (port, socket, datadir) are not ours.
    '--no-defaults',
    ...userArgs,
    `--datadir=${dataDir}`,
    `--port=${port}`,
    `--socket=${join(root, 'sock')}`,
    `--pid-file=${join(root, 'mariadbd.pid')}`,
    '--bind-address=127.0.0.1',
    '--skip-grant-tables',
    '--skip-log-bin',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--innodb-buffer-pool-size=64M',
    '--performance-schema=OFF',
    `--log-error=${join(root, 'error.log')}`,
  ];
  let child: ChildProcess | undefined;
  const url = (database: string) => `mariadb://root@127.0.0.1:${port}/${database}`;

  const start = async () => {
    child = spawn(mariadbd, args, { stdio: 'ignore' });
    const running = child;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (running.exitCode !== null) break;
      try {
        const conn = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1_000 });
        await conn.end();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`private MariaDB did not start on port ${port}; see ${join(root, 'error.log')}`);
  };
  const stop = async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };

  await start();
  return {
    port,
    url,
    async createDatabase(name) {
      const conn = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
      try {
        await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      } finally {
        await conn.end();
      }
    },
    stop,
    start,
    async destroy() {
      await stop('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
