import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient } from '@pass/server-testing/api';
import { type IssuedPass, issueCheckpointPasses } from '../e2e/support/checkpoint-passes.js';
import { type Stack, startStack } from '../e2e/support/stack.js';
import type { WeappRuntime } from './support/runtime.js';
import { launchApp, loginWithPassword } from './support/session.js';

jest.setTimeout(120_000);

/**
 * A deployment signing with SM2 (国密, SIGNING_ALGORITHM=SM2): the checkpoint app in the WeChat-like
 * runtime (no TextEncoder, no code from strings, ES2019 parsing of the build) syncs the SM2 trust list
 * and status list and verifies the SM2 passes offline with sm-crypto-v2, as it does Ed25519 ones.
 */
describe('SM2 passes at a checkpoint in the WeChat runtime', () => {
  let stack: Stack;
  let official: ApiClient;
  let checkpoint: WeappRuntime;
  const passes: Record<'kept' | 'revoked', IssuedPass> = {} as never;

  beforeAll(async () => {
    stack = await startStack({
      SIGNING_ALGORITHM: 'SM2',
      PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }),
    });
    const issued = await issueCheckpointPasses(stack.url, { kept: '苏A83001', revoked: '苏A83002' });
    official = issued.official;
    Object.assign(passes, issued.passes);
  }, 180_000);

  afterAll(async () => {
    checkpoint?.dispose();
    await stack?.stop();
  });

  const scan = async (text: string) => {
    checkpoint.phone.scans.push(text);
    await checkpoint.tap('扫码核验');
    expect(checkpoint.page.route).toBe('packages/checkpoint/pages/result/index');
    return checkpoint.text();
  };

  it('is served SM2 keys by the deployment', async () => {
    const trustList = await (await fetch(`${stack.url}/api/trust-list`)).json();
    expect(trustList.keys.map((k: { alg: string; crv: string }) => [k.alg, k.crv])).toEqual([['SM2', 'SM2']]);
  });

  it('verifies an SM2 pass offline after a sync, and refuses a forged one', async () => {
    checkpoint = await launchApp(stack.url);
    await loginWithPassword(checkpoint, '13800000004');
    expect(checkpoint.page.route).toBe('packages/checkpoint/pages/home/index');
    expect(checkpoint.text()).toMatch(/同步/);

    checkpoint.phone.offline = true;
    const verdict = await scan(passes.kept.url);
    expect(verdict).toContain('离线核验');
    expect(verdict).toContain('苏A·83001');
    expect(verdict).toContain('通行证有效');
    await checkpoint.reLaunch('packages/checkpoint/pages/home/index');

    // One digit changed inside the signature: the SM2 check fails offline.
    const forged = passes.kept.url.replace(
      /(\d)(\d{20})$/,
      (_m, d: string, rest: string) => `${(Number(d) + 1) % 10}${rest}`,
    );
    const refused = await scan(forged);
    expect(refused).toContain('离线核验');
    expect(refused).toContain('不予放行');
    expect(refused).not.toContain('通行证有效');
    checkpoint.phone.offline = false;
    expect(checkpoint.problems).toEqual([]);
  });

  it('shows an SM2 pass revoked offline after the next sync', async () => {
    await official.post(`/passes/${passes.revoked.id}/revoke`, { reason: '出借他人使用' });
    await checkpoint.reLaunch('packages/checkpoint/pages/home/index');
    await checkpoint.tap('立即同步');
    checkpoint.phone.offline = true;
    const verdict = await scan(passes.revoked.url);
    expect(verdict).toContain('离线核验');
    expect(verdict).toContain('撤销');
    checkpoint.phone.offline = false;
    expect(checkpoint.problems).toEqual([]);
  });
});
