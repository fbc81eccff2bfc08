import { describe, expect, it } from '@jest/globals';
import { apiClient } from './support/api.js';
import { issuerDocumentOf, offlineVerify, withJiangsuAndZhejiang } from './support/provinces.js';

/** Asks until `check` holds or `seconds` pass; the last answer either way. */
async function eventually<T>(ask: () => Promise<T>, check: (answer: T) => boolean, seconds: number): Promise<T> {
  const until = Date.now() + seconds * 1000;
  let answer = await ask();
  while (!check(answer) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    answer = await ask();
  }
  return answer;
}

/**
 * The server, not each phone, fetches trusted issuers' status lists on a schedule
 * (FEDERATION_SYNC_MINUTES, every 3 s here): a Jiangsu revocation reaches Zhejiang's online verification
 * and its checkpoints' bundle with no admin pressing 同步, and the issuer's sync time moves on.
 */
describe('scheduled refresh of trusted issuers (FEDERATION_SYNC_MINUTES)', () => {
  const world = withJiangsuAndZhejiang('苏A9F321', 935, { zhejiang: { FEDERATION_SYNC_MINUTES: '0.05' } });

  it('learns of a revocation by itself and keeps the issuer fresh', async () => {
    const { signed, document } = await issuerDocumentOf(world.jiangsu);
    const imported = await world.zhejiang.admin.post('/admin/federation/issuers', {
      document: signed,
      fingerprint: document.fingerprint,
    });
    expect(imported.status).toBe(201);
    const importedAt = Date.parse(imported.body.statusSyncedAt ?? imported.body.importedAt);
    const verify = () => apiClient(world.zhejiang.server.url).post('/verification/verify', { url: world.passUrl });
    expect((await verify()).body.verification.state).toBe('valid');

    const revoked = await world.official.post(`/passes/${world.passId}/revoke`, { reason: '核查定时同步' });
    expect(revoked.status).toBe(200);
    const online = await eventually(verify, (r) => r.body.verification?.state === 'revoked', 60);
    expect(online.body.verification.state).toBe('revoked');
    expect((await offlineVerify(world.zhejiang, world.passUrl)).verification.state).toBe('revoked');

    const [issuer] = (await world.zhejiang.admin.get('/admin/federation/issuers')).body;
    expect(issuer).toMatchObject({ issuerRegion: '320000', stale: false, lastSyncError: null });
    expect(Date.parse(issuer.statusSyncedAt)).toBeGreaterThan(importedAt);
  }, 120_000);
});
