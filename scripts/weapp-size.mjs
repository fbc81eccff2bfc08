#!/usr/bin/env node
// Prints the WeChat build's package sizes and fails when one is over WeChat's limit. The limits and
// the measuring live with the weapp tests (miniapp/weapp-test), which assert the same.
import { limits, packageSizes, sizeFailures } from '../miniapp/weapp-test/support/package-sizes.mjs';

const measured = packageSizes(new URL('../miniapp/dist/weapp/', import.meta.url).pathname);
console.log('weapp package      size (KiB)   limit (KiB)');
for (const [name, size] of measured.sizes) {
  const limit = name === '(main)' ? limits.main : limits.sub;
  console.log(
    `${name.padEnd(18)} ${(size / 1024).toFixed(1).padStart(10)}   ${(limit / 1024).toFixed(0).padStart(11)}`,
  );
}
console.log(
  `${'(total)'.padEnd(18)} ${(measured.total / 1024).toFixed(1).padStart(10)}   ${(limits.total / 1024).toFixed(0).padStart(11)}`,
);
const failures = sizeFailures(measured);
if (failures.length) {
  console.error(`weapp package size over WeChat's limit: ${failures.join('; ')}`);
  process.exit(1);
}
