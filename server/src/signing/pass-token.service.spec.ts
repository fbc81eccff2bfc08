import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaToday, extractTokenFromUrl, verifyPassToken, workedExamplePass } from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';
import { loadConfig } from '../config/app-config.js';
import { PassDocumentService } from '../pass-documents/pass-document.service.js';
import { createPassQr } from '../pass-documents/pass-qr.js';
import { largestNationalPass, maxPassQrVersion } from '../pass-documents/qr-budget.js';
import { type PassTokenInput, PassTokenService } from './pass-token.service.js';
import { SigningKeysService } from './signing-keys.service.js';

const { issuedAt: _signedAt, ...workedExample } = workedExamplePass;
const pass: PassTokenInput = {
  ...workedExample,
  waypointCodes: ['410105'],
  materialCategory: 'medical',
  statusIndex: 41,
};

describe('PassTokenService', () => {
  let dataDir: string;
  let keys: SigningKeysService;
  let tokens: PassTokenService;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pass-token-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://pass.example.gov.cn/' });
    keys = new SigningKeysService(config);
    await keys.onModuleInit();
    tokens = new PassTokenService(config, keys, new PassDocumentService(config));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('signs with the current key and puts the token in the configured URL', async () => {
    const issued = await tokens.issue(pass);
    expect(issued.issuedAt).toMatch(/:\d\d\.000Z$/);
    expect(issued.url).toMatch(/^HTTPS:\/\/PASS\.EXAMPLE\.GOV\.CN\/V\/\d+$/);
    expect(issued.url.endsWith(issued.digits)).toBe(true);
    expect(extractTokenFromUrl(issued.url)).toEqual(issued.token);

    const trustList = await keys.trustList();
    expect(trustList.keys.map((key) => key.kid)).toEqual([issued.kid]);
    expect(trustList.keys[0]).toMatchObject({
      issuerRegion: '320000',
      issuerName: '江苏省重点物资运输车辆通行证签发系统',
    });
    const result = verifyPassToken(issued.token, { trustList, now: new Date('2022-05-22T04:00:00Z') });
    expect(result.state === 'valid' && result.claims).toMatchObject({ ...pass, issuedAt: issued.issuedAt });
  });

  it('refuses a pass that would outlive its key in the trust list', async () => {
    const today = chinaToday();
    await expect(tokens.issue({ ...pass, validFrom: today, validTo: addDays(today, 401) })).rejects.toMatchObject({
      code: 'VALIDITY_TOO_LONG',
      status: 422,
    });
    await expect(tokens.issue({ ...pass, validFrom: today, validTo: addDays(today, 400) })).resolves.toBeDefined();
  });

  it('answers fields that cannot be signed with a validation error, not a crash', async () => {
    const error = await tokens.issue({ ...pass, plate: '苏A·D12345' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it('signs the crew initials when they fit version 13, and leaves only them out when they do not', async () => {
    const withInitials = largestNationalPass.crew!.map((person) => ({ ...person, initial: '𠮷' }));
    const largest = { ...largestNationalPass, validFrom: chinaToday(), validTo: chinaToday(), crew: withInitials };
    const crewOf = async (service: PassTokenService, fields: PassTokenInput) => {
      const issued = await service.issue(fields);
      expect(createPassQr(issued.url).version).toBeLessThanOrEqual(maxPassQrVersion);
      const result = verifyPassToken(issued.token, { trustList: await keys.trustList() });
      return result.state === 'valid' ? result.claims.crew : undefined;
    };
    // A short host: even the largest pass keeps its initials.
    expect(await crewOf(tokens, largest)).toEqual(withInitials);

    // A 48-character host: the largest pass fits only without them; roles and digests stay.
    const longHostConfig = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: `https://${'x'.repeat(33)}.gov.cn`,
    });
    const longHost = new PassTokenService(longHostConfig, keys, new PassDocumentService(longHostConfig));
    expect(await crewOf(longHost, largest)).toEqual(largestNationalPass.crew);
    // An ordinary pass keeps them there too.
    const ordinary = { ...pass, validFrom: chinaToday(), validTo: chinaToday(), crew: withInitials };
    expect(await crewOf(longHost, ordinary)).toEqual(withInitials);
  });
});

describe('PassTokenService signing with SM2 (SIGNING_ALGORITHM=SM2)', () => {
  let dataDir: string;

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('signs with an SM2 key that the trust list names, and still keeps the largest pass within version 13', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pass-token-sm2-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      SIGNING_ALGORITHM: 'SM2',
      PUBLIC_BASE_URL: 'https://txz.jtt.jiangsu.gov.cn',
    });
    const keys = new SigningKeysService(config);
    await keys.onModuleInit();
    const tokens = new PassTokenService(config, keys, new PassDocumentService(config));
    const trustList = await keys.trustList();
    expect(trustList.keys.map((key) => [key.alg, key.crv])).toEqual([['SM2', 'SM2']]);

    const withInitials = largestNationalPass.crew!.map((person) => ({ ...person, initial: '周' }));
    const today = chinaToday();
    const issue = async (fields: PassTokenInput) => {
      const issued = await tokens.issue(fields);
      expect(createPassQr(issued.url).version).toBeLessThanOrEqual(maxPassQrVersion);
      const result = verifyPassToken(issued.token, { trustList });
      expect(result.state).toBe('valid');
      return result.state === 'valid' ? result.claims.crew : undefined;
    };
    // The SM2 token is 4 bytes longer: with this host the largest pass gives up its initials…
    const largest = { ...largestNationalPass, validFrom: today, validTo: today, crew: withInitials };
    expect(await issue(largest)).toEqual(largestNationalPass.crew);
    // …an ordinary one keeps them.
    expect(await issue({ ...pass, validFrom: today, validTo: today, crew: withInitials })).toEqual(withInitials);
  });
});
