import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { demoLogins, seedDemo } from './demo-seed.js';

// `pnpm --filter @pass/server seed:demo`: seeds the configured database without starting the server.
const dataSource = await openDatabase(loadConfig().database);
try {
  await seedDemo(dataSource);
  for (const login of demoLogins) console.log(`${login.roleName}\t${login.phone} / ${login.password}`);
} finally {
  await dataSource.destroy();
}
