import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { demoLogins, seedDemo } from './seed/demo-seed.js';
import { runServerProcesses } from './server-processes.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.serverProcesses > 1 && cluster.isPrimary) return runServerProcesses(config.serverProcesses);
  const app = await createApp(config);
  if (config.seedDemo) await seedDemo(app.get(DataSource));
  await app.listen({ host: config.host, port: config.port });

  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  const where = config.database.type === 'better-sqlite3' ? `SQLite ${config.database.path}` : config.database.type;
  const lines = [`重点物资运输车辆通行证 running at ${url}  (API docs ${url}api/docs, database ${where})`];
  if (config.seedDemo) {
    lines.push('Demo logins (phone / password):');
    for (const login of demoLogins) lines.push(`  ${login.phone} / ${login.password}  ${login.roleName}`);
  }
  new Logger('Main').log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
