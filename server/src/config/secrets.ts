import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config.js';

export interface Secrets {
  /** HMAC key of access tokens; every server process of a deployment must share it. */
  jwtSecret: string;
  /** 32-byte key that encrypts ID numbers at rest and keys their lookup hashes. */
  dataKey: Buffer;
}

export const SECRETS = Symbol('SECRETS');

/**
 * Secrets come from the environment in production (JWT_SECRET, DATA_KEY). For a single machine
 * without them, they are generated once and kept in the data folder, so restarts keep sessions and
 * encrypted data readable.
 */
export function loadSecrets(config: AppConfig): Secrets {
  if (config.secrets.jwtSecret && config.secrets.dataKey) {
    return { jwtSecret: config.secrets.jwtSecret, dataKey: Buffer.from(config.secrets.dataKey, 'base64') };
  }
  const file = join(config.dataDir, 'secrets.json');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    const generated = { jwtSecret: randomBytes(32).toString('base64url'), dataKey: randomBytes(32).toString('base64') };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { jwtSecret: string; dataKey: string };
  return {
    jwtSecret: config.secrets.jwtSecret ?? stored.jwtSecret,
    dataKey: Buffer.from(config.secrets.dataKey ?? stored.dataKey, 'base64'),
  };
}
