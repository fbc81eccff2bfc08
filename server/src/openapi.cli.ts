import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './bootstrap.js';
import { loadConfig } from './config/app-config.js';
import { openApiDocument } from './openapi.js';

/** Where the committed document lives: the repository root. */
export const openApiFile = resolve(fileURLToPath(new URL('../../openapi.json', import.meta.url)));

/**
 * Writes openapi.json (`pnpm openapi`): builds the server on a throwaway SQLite database, as the
 * document depends only on the code, and writes the document it would serve.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pass-openapi-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', H5_DIR: '/nonexistent' });
    const app = await createApp(config);
    await app.init();
    writeFileSync(openApiFile, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
    await app.close();
    console.log(`已写入 ${openApiFile}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
