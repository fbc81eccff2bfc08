import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SigningAlgorithm } from '@pass/shared';
import { generateSigningKey, parseSigningKeyFile, type SigningKey, toKeyFile } from './signing-key.js';

const lockName = '.generate.lock';
const millisPerDay = 86_400_000;

export interface KeyStoreOptions {
  /** Keys read from the folder are reused this long, then read again to see other processes' rotations. */
  reloadAfterMillis?: number;
  /** A lock left this long by a crashed process is broken. */
  staleLockMillis?: number;
  /** Called for files that are not keys or are readable by others. */
  warn?: (message: string) => void;
  /** Of the keys this store creates (first start, rotation); Ed25519 by default. */
  algorithm?: SigningAlgorithm;
}

/**
 * Pass signing keys in a folder, one JSON file per key. The folder is the only shared state: every
 * server process of a deployment mounts the same one (or gets it through SIGNING_KEYS_DIR), the
 * rotate CLI writes into it, and each process re-reads it every `reloadAfterMillis`.
 *
 * Rotation publishes before it signs: a new key gets a `notBefore` in the future (24 h by default),
 * so every process and every checkpoint's trust list knows it before the first pass carries it; at
 * that instant the previous key's `notAfter` ends its signing period. A retired key stays in the trust
 * list for `retentionDays` more, longer than any pass it signed can remain valid.
 */
export class KeyStore {
  private cache?: { keys: SigningKey[]; loadedAt: number };
  private readonly reloadAfterMillis: number;
  private readonly staleLockMillis: number;
  private readonly warn: (message: string) => void;
  readonly algorithm: SigningAlgorithm;

  constructor(
    readonly dir: string,
    options: KeyStoreOptions = {},
  ) {
    this.reloadAfterMillis = options.reloadAfterMillis ?? 30_000;
    this.staleLockMillis = options.staleLockMillis ?? 5_000;
    this.warn = options.warn ?? (() => {});
    this.algorithm = options.algorithm ?? 'Ed25519';
  }

  /** Every key in the folder, oldest signing period first. */
  async keys(): Promise<SigningKey[]> {
    if (this.cache && Date.now() - this.cache.loadedAt < this.reloadAfterMillis) return this.cache.keys;
    const keys = await this.read();
    this.cache = { keys, loadedAt: Date.now() };
    return keys;
  }

  /** The key that signs at `now`: of those in their signing period, the one that started last. */
  async signingKey(now: Date): Promise<SigningKey | undefined> {
    const active = (await this.keys()).filter((key) => isActive(key, now));
    return active.at(-1);
  }

  /** Keys a verifier must know at `now`: current, planned, and retired ones still within retention. */
  async publishedKeys(now: Date, retentionDays: number): Promise<SigningKey[]> {
    return (await this.keys()).filter(
      (key) => key.notAfter === null || now.getTime() < Date.parse(key.notAfter) + retentionDays * millisPerDay,
    );
  }

  /**
   * On first start there is no key: one process generates it, the others wait for it (an exclusive
   * lock file keeps two processes starting together from creating two keys).
   */
  async ensureKey(now = new Date()): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await this.read()).length > 0) break;
      const lock = await this.tryLock();
      if (lock) {
        try {
          if ((await this.read()).length === 0) await this.write(generateSigningKey(now, now, this.algorithm));
        } finally {
          await unlink(join(this.dir, lockName)).catch(() => {});
        }
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.cache = undefined;
    if ((await this.keys()).length === 0) throw new Error(`No signing key could be created in ${this.dir}`);
  }

  /**
   * Adds a key that takes over at `activateAt` and ends the earlier keys' signing periods there.
   * Planned keys that have not signed yet and would never sign (starting at or after `activateAt`) are
   * removed.
   */
  async rotate(now: Date, activateAt: Date): Promise<{ added: SigningKey; retired: SigningKey[]; removed: string[] }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const keys = await this.read();
    const added = generateSigningKey(now, activateAt, this.algorithm);
    if (keys.some((key) => key.kid === added.kid)) return this.rotate(now, activateAt);
    await this.write(added);
    const retired: SigningKey[] = [];
    const removed: string[] = [];
    for (const key of keys) {
      const neverActive = Date.parse(key.notBefore) > now.getTime();
      if (neverActive && Date.parse(key.notBefore) >= activateAt.getTime()) {
        await unlink(this.fileOf(key.kid));
        removed.push(key.kid);
      } else if (key.notAfter === null || Date.parse(key.notAfter) > activateAt.getTime()) {
        const ended = { ...key, notAfter: activateAt.toISOString() };
        await this.write(ended);
        retired.push(ended);
      }
    }
    this.cache = undefined;
    return { added, retired, removed };
  }

  private fileOf(kid: string): string {
    return join(this.dir, `${kid}.json`);
  }

  private async read(): Promise<SigningKey[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => /^[0-9a-f]{8}\.json$/.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const keys: SigningKey[] = [];
    for (const name of names) {
      const file = join(this.dir, name);
      try {
        if (((await stat(file)).mode & 0o077) !== 0) this.warn(`签名密钥文件 ${file} 可被其他用户读取，请改为 0600`);
        keys.push(parseSigningKeyFile(JSON.parse(await readFile(file, 'utf8'))));
      } catch (error) {
        this.warn(`忽略无法读取的签名密钥文件 ${file}: ${(error as Error).message}`);
      }
    }
    return keys.sort((a, b) => Date.parse(a.notBefore) - Date.parse(b.notBefore) || a.kid.localeCompare(b.kid));
  }

  /** Written to a temporary file and renamed, so that a reader never sees half a key. */
  private async write(key: SigningKey): Promise<void> {
    const temporary = join(this.dir, `.${key.kid}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temporary, `${JSON.stringify(toKeyFile(key), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600);
    await rename(temporary, this.fileOf(key.kid));
  }

  private async tryLock(): Promise<boolean> {
    const path = join(this.dir, lockName);
    try {
      await (await open(path, 'wx', 0o600)).close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > this.staleLockMillis) await unlink(path).catch(() => {});
      return false;
    }
  }
}

function isActive(key: SigningKey, now: Date): boolean {
  const time = now.getTime();
  return Date.parse(key.notBefore) <= time && (key.notAfter === null || time < Date.parse(key.notAfter));
}
