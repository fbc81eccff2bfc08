import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { decodeBase64, openSignedDocument, signDocument } from '@pass/shared';
import { KeyStore } from './key-store.js';
import { signerOf, toTrustedKey } from './signing-key.js';

const hour = 3_600_000;
const day = 24 * hour;

describe('KeyStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'pass-keys-')), 'keys');
  });

  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('generates one key on first start, readable only by its owner', async () => {
    const store = new KeyStore(dir);
    await store.ensureKey(new Date('2022-05-01T00:00:00Z'));
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    expect(names).toHaveLength(1);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, names[0]!))).mode & 0o777).toBe(0o600);
    const file = JSON.parse(await readFile(join(dir, names[0]!), 'utf8'));
    expect(file).toEqual({
      kid: names[0]!.replace('.json', ''),
      alg: 'Ed25519',
      createdAt: '2022-05-01T00:00:00.000Z',
      notBefore: '2022-05-01T00:00:00.000Z',
      notAfter: null,
      privateKey: expect.stringMatching(/^[\w-]{43}$/),
      publicKey: expect.stringMatching(/^[\w-]{43}$/),
    });
    await store.ensureKey();
    expect((await readdir(dir)).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  });

  it('creates a single key when several processes start together on an empty folder', async () => {
    const stores = Array.from({ length: 6 }, () => new KeyStore(dir, { reloadAfterMillis: 0 }));
    await Promise.all(stores.map((store) => store.ensureKey()));
    const kids = await Promise.all(stores.map(async (store) => (await store.signingKey(new Date()))?.kid));
    expect(new Set(kids).size).toBe(1);
    expect((await readdir(dir)).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  });

  it('rotates by publishing first and signing with the new key from its activation', async () => {
    const store = new KeyStore(dir, { reloadAfterMillis: 0 });
    const start = new Date('2022-05-01T00:00:00Z');
    await store.ensureKey(start);
    const first = (await store.signingKey(start))!;
    const now = new Date(start.getTime() + 30 * day);
    const activateAt = new Date(now.getTime() + 24 * hour);
    const { added, retired } = await store.rotate(now, activateAt);

    expect(retired.map((key) => [key.kid, key.notAfter])).toEqual([[first.kid, activateAt.toISOString()]]);
    expect((await store.signingKey(now))!.kid).toBe(first.kid);
    expect((await store.publishedKeys(now, 400)).map((key) => key.kid)).toEqual([first.kid, added.kid]);
    expect((await store.signingKey(new Date(activateAt.getTime() - 1)))!.kid).toBe(first.kid);
    expect((await store.signingKey(activateAt))!.kid).toBe(added.kid);
    // The retired key stays published for the retention period after it stopped signing.
    const later = new Date(activateAt.getTime() + 400 * day - 1);
    expect((await store.publishedKeys(later, 400)).map((key) => key.kid)).toEqual([first.kid, added.kid]);
    expect((await store.publishedKeys(new Date(later.getTime() + 1), 400)).map((key) => key.kid)).toEqual([added.kid]);
  });

  it('creates SM2 keys when told to, and rotates from Ed25519 to SM2 with both keys published', async () => {
    const start = new Date('2022-05-01T00:00:00Z');
    await new KeyStore(dir).ensureKey(start);
    const store = new KeyStore(dir, { reloadAfterMillis: 0, algorithm: 'SM2' });
    // An existing Ed25519 key keeps signing until a rotation: the setting is for new keys.
    await store.ensureKey(start);
    const first = (await store.signingKey(start))!;
    expect(first.alg).toBe('Ed25519');
    const now = new Date(start.getTime() + day);
    const { added } = await store.rotate(now, now);
    expect(added.alg).toBe('SM2');
    const file = JSON.parse(await readFile(join(dir, `${added.kid}.json`), 'utf8'));
    expect(file).toMatchObject({ alg: 'SM2', privateKey: expect.stringMatching(/^[\w-]{43}$/) });
    expect(decodeBase64(file.publicKey)).toHaveLength(65);
    // Read back from its file (halves checked) it signs, and the trust list names it SM2.
    const reread = (await new KeyStore(dir).keys()).find((key) => key.kid === added.kid)!;
    expect((await store.signingKey(now))!.kid).toBe(added.kid);
    const published = (await store.publishedKeys(now, 400)).map((key) => toTrustedKey(key, '江苏', '320000'));
    expect(published.map((key) => [key.kid, key.alg, key.crv])).toEqual([
      [first.kid, 'EdDSA', 'Ed25519'],
      [added.kid, 'SM2', 'SM2'],
    ]);
    const signed = signDocument({ ok: true }, signerOf(reread));
    expect(signed.alg).toBe('SM2');
    expect(openSignedDocument(signed, { generatedAt: now.toISOString(), keys: published })).toEqual({ ok: true });
    // A file whose SM2 halves do not match is refused like an Ed25519 one.
    await writeFile(join(dir, `${added.kid}.json`), JSON.stringify({ ...file, alg: 'Ed25519' }), { mode: 0o600 });
    expect((await new KeyStore(dir).keys()).map((key) => key.kid)).toEqual([first.kid]);
  });

  it('drops a planned key that an earlier rotation overtakes', async () => {
    const store = new KeyStore(dir, { reloadAfterMillis: 0 });
    const now = new Date('2022-05-01T00:00:00Z');
    await store.ensureKey(now);
    const planned = await store.rotate(now, new Date(now.getTime() + 24 * hour));
    const urgent = await store.rotate(now, now);
    expect(urgent.removed).toEqual([planned.added.kid]);
    expect((await store.signingKey(now))!.kid).toBe(urgent.added.kid);
    expect(await store.keys()).toHaveLength(2);
  });

  it('sees another process’s rotation once its cache expires', async () => {
    const server = new KeyStore(dir, { reloadAfterMillis: 0 });
    const cli = new KeyStore(dir);
    const now = new Date();
    await server.ensureKey(now);
    const { added } = await cli.rotate(now, now);
    expect((await server.signingKey(new Date()))!.kid).toBe(added.kid);
  });

  it('ignores, with a warning, files that are not keys or whose halves do not match', async () => {
    const warnings: string[] = [];
    const store = new KeyStore(dir, { reloadAfterMillis: 0, warn: (message) => warnings.push(message) });
    await store.ensureKey();
    const [good] = await store.keys();
    await writeFile(join(dir, '0000beef.json'), '{ not json', { mode: 0o600 });
    const swapped = { ...JSON.parse(await readFile(join(dir, `${good!.kid}.json`), 'utf8')), kid: '12345678' };
    await writeFile(join(dir, '12345678.json'), JSON.stringify(swapped), { mode: 0o644 });
    expect((await store.keys()).map((key) => key.kid)).toEqual([good!.kid]);
    expect(warnings).toEqual([
      expect.stringContaining('0000beef.json'),
      expect.stringContaining('可被其他用户读取'),
      expect.stringContaining('does not match'),
    ]);
  });
});
