import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { KeyStore } from './key-store.js';

/**
 * Rotates the pass signing key: `node server/dist/signing/rotate-key.cli.js [--activate-in-hours 24]`.
 * The new key is published at once and signs from the given delay on, so that every server process
 * and every checkpoint's trust list knows it first. Use 0 only when the current key is compromised
 * (and then delete its file: see docs/pass-token.md).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'activate-in-hours': { type: 'string', default: '24' } } });
  const hours = Number(values['activate-in-hours']);
  if (!Number.isFinite(hours) || hours < 0 || hours > 24 * 90) {
    throw new Error('--activate-in-hours 应为 0 到 2160 之间的小时数');
  }
  const config = loadConfig();
  const store = new KeyStore(config.signing.keysDir, {
    warn: (message) => console.warn(message),
    algorithm: config.signing.algorithm,
  });
  if ((await store.keys()).length === 0) {
    console.warn(`${config.signing.keysDir} 中还没有密钥：请确认 DATA_DIR 或 SIGNING_KEYS_DIR 与服务器进程的设置一致`);
  }
  const now = new Date();
  const { added, retired, removed } = await store.rotate(now, new Date(now.getTime() + hours * 3_600_000));
  console.log(`密钥目录: ${config.signing.keysDir}`);
  console.log(`新密钥 ${added.kid} 已发布，将于 ${added.notBefore} 起用于签发（${added.alg}）`);
  for (const key of retired) console.log(`密钥 ${key.kid} 将于 ${key.notAfter} 停止签发（保留在信任列表中）`);
  for (const kid of removed) console.log(`未启用的计划密钥 ${kid} 已删除`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
