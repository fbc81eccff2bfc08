// Offline verification as a checkpoint device runs it: the shared verifier (pure JS, @noble/curves)
// against Node's native Ed25519 (OpenSSL) on the very same signatures; and the server's own check
// (libsodium) alone and beside a process that keeps another core busy, which on this kind of machine
// slowed it by half again and more (its two vCPUs share a core's execution units: docs/scaling.md §6.7).
import { spawn } from 'node:child_process';
import { createPublicKey, verify as nativeVerify } from 'node:crypto';
import { createRequire } from 'node:module';
import { generateSigningKey } from '../../../server/dist/signing/signing-key.js';
import { nativeEd25519 } from '../../../server/dist/verification/native-ed25519.js';
import {
  chinaToday,
  encodeBase64Url,
  passSigningPublicKey,
  signPassToken,
  verifyPassToken,
} from '../../../shared/dist/index.js';
import { encodeCbor } from '../../../shared/dist/pass-token/cbor.js';
import { parseCoseSign1 } from '../../../shared/dist/pass-token/cose-sign1.js';
import { settings, sleep } from '../lib/common.mjs';

const sharedRequire = createRequire(new URL('../../../shared/package.json', import.meta.url));

/** Calls `fn(i)` for about `ms` milliseconds; operations per second. */
function rate(fn, ms) {
  for (let i = 0; i < 200; i++) fn(i); // warm-up: JIT and the curve's precomputed tables
  let n = 0;
  const started = performance.now();
  const until = started + ms;
  while (performance.now() < until) {
    for (let k = 0; k < 50; k++) fn(n++);
  }
  return n / ((performance.now() - started) / 1000);
}

export async function offlineVerification() {
  const { ed25519 } = await import(sharedRequire.resolve('@noble/curves/ed25519.js'));
  const now = new Date();
  const key = generateSigningKey(now, now);
  const publicKey = passSigningPublicKey(key.secretKey);
  const trustList = {
    generatedAt: now.toISOString(),
    keys: [
      {
        kid: key.kid,
        alg: 'EdDSA',
        crv: 'Ed25519',
        publicKey: encodeBase64Url(publicKey),
        validFrom: new Date(now.getTime() - 86_400_000).toISOString(),
        validTo: null,
        issuerName: '江苏省重点物资运输车辆通行证签发系统',
        issuerRegion: '320000',
      },
    ],
  };
  const statusList = { version: 1, generatedAt: now.toISOString(), bits: new Uint8Array(1 << 16) };
  const today = chinaToday(now);
  // 256 different passes: typical size (two waypoints), valid today.
  const tokens = Array.from({ length: 256 }, (_, i) =>
    signPassToken(
      {
        passNumber: `320115${String(i + 1).padStart(6, '0')}`,
        plate: `苏A${String(10_000 + i)}`,
        plateColour: 'yellow',
        validFrom: today,
        validTo: today,
        originCode: '320115',
        destinationCode: '310104',
        waypointCodes: ['320583', '320505'],
        materialCategory: 'medical',
        statusIndex: i,
        issuedAt: new Date(Math.floor(now.getTime() / 1000) * 1000 - 60_000).toISOString(),
      },
      { kid: key.kid, secretKey: key.secretKey, algorithm: key.alg },
    ),
  );
  const check = verifyPassToken(tokens[0], { trustList, statusList, now });
  if (check.state !== 'valid') throw new Error(`offline bench token does not verify: ${check.state}`);

  const signed = tokens.map((token) => {
    const message = parseCoseSign1(token);
    return {
      data: encodeCbor(['Signature1', message.protectedHeader, new Uint8Array(0), message.payload]),
      signature: message.signature,
    };
  });
  const nativeKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  if (!nativeVerify(null, signed[0].data, nativeKey, signed[0].signature)) throw new Error('native verify failed');

  const ms = settings.quick ? 1_000 : 3_000;
  const shared = rate((i) => verifyPassToken(tokens[i & 255], { trustList, statusList, now }), ms);
  const noble = rate(
    (i) => ed25519.verify(signed[i & 255].signature, signed[i & 255].data, publicKey, { zip215: false }),
    ms,
  );
  const native = rate((i) => nativeVerify(null, signed[i & 255].data, nativeKey, signed[i & 255].signature), ms);
  const serverCheck = (i) => {
    if (!nativeEd25519(signed[i & 255].signature, signed[i & 255].data, publicKey))
      throw new Error('libsodium verify failed');
  };
  const sodiumAlone = rate(serverCheck, ms);
  const busy = spawn(process.execPath, ['-e', 'let x = 1; for (;;) x = (x * 1103515245 + 12345) | 0;'], {
    stdio: 'ignore',
  });
  let sodiumBesideBusyCore;
  try {
    await sleep(300);
    sodiumBesideBusyCore = rate(serverCheck, ms);
  } finally {
    busy.kill('SIGKILL');
  }
  return {
    tokenBytes: tokens[0].length,
    sharedVerifyPerSecond: shared,
    nobleSignatureOnlyPerSecond: noble,
    nativeSignatureOnlyPerSecond: native,
    nativeOverShared: native / shared,
    sodiumSignatureOnlyPerSecond: sodiumAlone,
    sodiumBesideBusyCorePerSecond: sodiumBesideBusyCore,
  };
}
