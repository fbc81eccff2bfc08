// WeChat's package-size limits and the weapp build's sizes per package: asserted by the weapp tests,
// printed by scripts/weapp-size.mjs (CI log, bench). Main package 2 MB, each subpackage 2 MB, all 20 MB.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const MB = 1024 * 1024;
export const limits = { main: 2 * MB, sub: 2 * MB, total: 20 * MB };

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!name.endsWith('.map') && !name.endsWith('.LICENSE.txt')) yield path;
  }
}

/** Bytes per package ('(main)' and each subpackage root) of the weapp build in `root`, and the total. */
export function packageSizes(root) {
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const sizes = new Map([['(main)', 0], ...subRoots.map((r) => [r, 0])]);
  for (const path of files(root)) {
    const rel = relative(root, path).split(sep).join('/');
    if (rel === 'project.config.json' || rel === 'project.private.config.json') continue;
    const owner = subRoots.find((r) => rel.startsWith(`${r}/`)) ?? '(main)';
    sizes.set(owner, sizes.get(owner) + statSync(path).size);
  }
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  return { sizes, total };
}

/** What is over WeChat's limits, in words; empty when the build fits. */
export function sizeFailures({ sizes, total }) {
  const failures = [];
  for (const [name, size] of sizes) {
    const limit = name === '(main)' ? limits.main : limits.sub;
    if (size > limit) failures.push(`${name} is ${(size / MB).toFixed(2)} MB, over ${limit / MB} MB`);
  }
  if (total > limits.total) failures.push(`the whole build is ${(total / MB).toFixed(2)} MB, over 20 MB`);
  return failures;
}
