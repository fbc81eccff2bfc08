import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerProcess, startServerProcess } from '@pass/server-testing/server-process';
import { createTestDatabase } from '@pass/server-testing/test-database';

/** The built H5 app; E2E_H5_DIR points at another build (e.g. a copy made while dist/ is being rebuilt). */
const h5Dir = process.env.E2E_H5_DIR ?? fileURLToPath(new URL('../../dist/h5/', import.meta.url));

export interface Stack {
  url: string;
  dataDir: string;
  output(): string;
  /** Stops the server, drops its database and removes its data folder; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The built server serving the built H5 app, on a fresh MariaDB database and a temporary DATA_DIR
 * (signing keys, uploads), with the demo accounts seeded. `env` adds or overrides settings.
 */
export async function startStack(env: Record<string, string> = {}, port?: number): Promise<Stack> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'pass-e2e-'));
  const cleanUp = async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let server: ServerProcess;
  try {
    server = await startServerProcess(
      {
        DB_URL: database.url,
        DATA_DIR: dataDir,
        H5_DIR: h5Dir,
        SEED_DEMO: 'true',
        ...env,
      },
      port,
    );
  } catch (error) {
    await cleanUp();
    throw error;
  }
  let stopped = false;
  return {
    url: server.url,
    dataDir,
    output: () => server.output(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await cleanUp();
    },
  };
}
