// Sizes that limit the product: the pass QR code (version at level Q) and the WeChat package.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { largestNationalPass, maxPassQrVersion, measurePassQr } from '../../../server/dist/pass-documents/qr-budget.js';
import { progress, repoRoot, run, settings } from '../lib/common.mjs';

export function qrSizes() {
  // As scripts/qr-size.mjs: a realistic provincial host unless PUBLIC_BASE_URL is given.
  const baseUrl = process.env.PUBLIC_BASE_URL ?? 'https://txz.jtt.jiangsu.gov.cn';
  const typical = {
    ...largestNationalPass,
    plate: '苏A12345',
    plateColour: 'yellow',
    waypointCodes: ['320583'],
    statusIndex: 123_456,
  };
  return [
    ['largest national pass (10 waypoints)', largestNationalPass],
    ['typical pass (1 waypoint)', typical],
  ].map(([name, fields]) => {
    const m = measurePassQr(baseUrl, fields);
    return { name, baseUrl, ...m, limitVersion: maxPassQrVersion, withinLimit: m.version <= maxPassQrVersion };
  });
}

/**
 * Builds the WeChat target (unless BENCH_BUILD_WEAPP=0 and a build exists) and reads the sizes that
 * scripts/weapp-size.mjs prints; that script stays the one place that knows WeChat's limits.
 */
export async function weappSizes() {
  const built = existsSync(join(repoRoot, 'miniapp/dist/weapp/app.json'));
  if (settings.buildWeapp || !built) {
    progress('weapp: pnpm --filter @pass/miniapp build:weapp');
    await run('pnpm', ['--filter', '@pass/miniapp', 'build:weapp']);
  }
  let output;
  let overLimit = false;
  try {
    output = await run(process.execPath, ['scripts/weapp-size.mjs']);
  } catch (error) {
    // It exits 1 when a package is over the limit; its table is still in the message.
    output = error.message;
    overLimit = true;
  }
  const packages = [...output.matchAll(/^(\S+)\s+([\d.]+)\s+(\d+)\s*$/gm)].map((m) => ({
    name: m[1],
    kib: Number(m[2]),
    limitKib: Number(m[3]),
  }));
  if (packages.length === 0) throw new Error(`could not read scripts/weapp-size.mjs output:\n${output}`);
  return { packages, overLimit, rebuilt: settings.buildWeapp || !built };
}
