#!/usr/bin/env node
// Prints the QR version, URL length and token size of the largest pass a token can describe, for
// PUBLIC_BASE_URL (or a realistic provincial host), and fails when it needs more than version 13 at
// level Q, for each signing algorithm (Ed25519, SM2: the SM2 token is 4 bytes longer, its COSE alg).
// Needs `pnpm run build` (it reads shared/dist and server/dist).
import { largestNationalPass, maxPassQrVersion, measurePassQr } from '../server/dist/pass-documents/qr-budget.js';

const baseUrl = process.env.PUBLIC_BASE_URL ?? 'https://txz.jtt.jiangsu.gov.cn';

const cases = [
  ['largest national pass (苏A·D12345, 10 waypoints, 江苏→新疆, crew of 3)', largestNationalPass],
  [
    'same, with the crew initials (4-byte characters; the issuer leaves them out when over the limit)',
    { ...largestNationalPass, crew: largestNationalPass.crew.map((person) => ({ ...person, initial: '𠮷' })) },
  ],
  [
    'same, with common initials (3-byte characters such as 周)',
    { ...largestNationalPass, crew: largestNationalPass.crew.map((person) => ({ ...person, initial: '周' })) },
  ],
  [
    'same with initials, 3 waypoints (a long realistic pass)',
    {
      ...largestNationalPass,
      waypointCodes: largestNationalPass.waypointCodes.slice(0, 3),
      crew: largestNationalPass.crew.map((person) => ({ ...person, initial: '𠮷' })),
    },
  ],
  ['same, without crew (tokens from before the crew was carried)', { ...largestNationalPass, crew: undefined }],
  ['same, no waypoints', { ...largestNationalPass, waypointCodes: [] }],
  [
    'same, provincial category (urban_water_supply)',
    { ...largestNationalPass, materialCategory: 'urban_water_supply' },
  ],
];

console.log(`base URL: ${baseUrl}  (error correction level Q, limit version ${maxPassQrVersion})`);
let failed = false;
for (const algorithm of ['Ed25519', 'SM2']) {
  console.log(`\nsigned with ${algorithm}:`);
  for (const [name, fields] of cases) {
    const m = measurePassQr(baseUrl, fields, algorithm);
    const ok = m.version <= maxPassQrVersion;
    if (!ok && fields === largestNationalPass) failed = true;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${name}: token ${m.tokenBytes} bytes, ${m.digits} digits, URL ${m.urlLength} characters, ` +
        `QR version ${m.version} (${m.modules}×${m.modules} modules, ${((m.modules + 8) * 0.4).toFixed(1)} mm at 0.4 mm/module)`,
    );
  }

  // The longest base URL that keeps the largest national pass within the limit.
  let longest = 0;
  for (let length = 8; length <= 120; length++) {
    const host = `https://${'x'.repeat(length - 8)}`;
    if (measurePassQr(host, largestNationalPass, algorithm).version <= maxPassQrVersion) longest = length;
  }
  console.log(`headroom: PUBLIC_BASE_URL may be up to ${longest} characters for the largest national pass`);
}

if (failed) {
  console.error(`FAIL: the largest national pass needs a QR code above version ${maxPassQrVersion}`);
  process.exit(1);
}
