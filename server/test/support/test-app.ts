import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import { ResponseContractCheck } from './response-contract.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Checks every JSON answer against its route's response schema. */
  responseContract: ResponseContractCheck;
  /** Where the development SMS sender writes every text (SMS_DEV_FILE); see `textsTo`. */
  smsFile: string;
  close(): Promise<void>;
}

/**
 * The real server on a fresh database (MariaDB, or SQLite under TEST_DB=sqlite), listening on a free
 * loopback port; every JSON answer is checked against its route's response schema on the way out
 * (ResponseContractCheck). Registrations are not throttled here unless a test sets
 * REGISTRATIONS_PER_HOUR: the suites register many enterprises from 127.0.0.1.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'pass-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    H5_DIR: '/nonexistent',
    REGISTRATIONS_PER_HOUR: '1000000',
    SMS_DEV_FILE: join(dataDir, 'sms.log'),
    ...database.env,
    ...env,
  });
  const app = await createApp(config);
  const responseContract = new ResponseContractCheck();
  app.useGlobalInterceptors(responseContract);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    config,
    database,
    url: `http://127.0.0.1:${port}`,
    responseContract,
    smsFile: config.notifications.smsDevFile!,
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
