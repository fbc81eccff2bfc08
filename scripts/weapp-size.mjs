#!/usr/bin/env node
// Prints the WeChat build's package sizes and fails when one is over WeChat's limit
// (main package 2 MB, each subpackage 2 MB, all together 20 MB).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('../miniapp/dist/weapp/', import.meta.url).pathname;
const MB = 1024 * 1024;
const limits = { main: 2 * MB, sub: 2 * MB, total: 20 * MB };

const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!name.endsWith('.map') && !name.endsWith('.LICENSE.txt')) yield path;
  }
}

const sizes = new Map([['(main)', 0], ...subRoots.map((r) => [r, 0])]);
for (const path of files(root)) {
  const rel = relative(root, path).split(sep).join('/');
  if (rel === 'project.config.json' || rel === 'project.private.config.json') continue;
  const owner = subRoots.find((r) => rel.startsWith(`${r}/`)) ?? '(main)';
  sizes.set(owner, sizes.get(owner) + statSync(path).size);
}

const total = [...sizes.values()].reduce((a, b) => a + b, 0);
const failures = [];
console.log('weapp package      size (KiB)   limit (KiB)');
for (const [name, size] of sizes) {
  const limit = name === '(main)' ? limits.main : limits.sub;
  console.log(
    `${name.padEnd(18)} ${(size / 1024).toFixed(1).padStart(10)}   ${(limit / 1024).toFixed(0).padStart(11)}`,
  );
  if (size > limit) failures.push(`${name} is ${(size / MB).toFixed(2)} MB, over ${limit / MB} MB`);
}
console.log(
  `${'(total)'.padEnd(18)} ${(total / 1024).toFixed(1).padStart(10)}   ${(limits.total / 1024).toFixed(0).padStart(11)}`,
);
if (total > limits.total) failures.push(`the whole build is ${(total / MB).toFixed(2)} MB, over 20 MB`);
if (failures.length) {
  console.error(`weapp package size over WeChat's limit: ${failures.join('; ')}`);
  process.exit(1);
}
