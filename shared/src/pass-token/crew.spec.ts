import { describe, expect, it } from '@jest/globals';
import { idNumberCheckCharacter } from '../validation/id-number.js';
import { encodeBase64Url, fromHex, toHex } from './base64.js';
import { type CborValue, decodeCbor, encodeCbor } from './cbor.js';
import { decodePassPayload, encodePassPayload, type PassTokenFields, PayloadKey } from './claims.js';
import { signCoseSign1 } from './cose-sign1.js';
import { checkCrewIdNumber, crewClaimsOf, crewIdDigest, maskedInitial } from './crew.js';
import { passSigningPublicKey, signPassToken } from './sign.js';
import { buildStatusListBits, encodeStatusList, PassTokenStatus } from './status-list.js';
import { issuingDepartmentOf, type TrustList } from './trust-list.js';
import { encodeUtf8 } from './utf8.js';
import { verifyPassToken } from './verify.js';
import { workedExamplePass } from './worked-example.js';

const secretKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const key = { kid: 'a1b2c3d4', secretKey, algorithm: 'Ed25519' as const };
const trustList: TrustList = {
  generatedAt: '2022-05-22T00:00:00Z',
  keys: [
    {
      kid: key.kid,
      alg: 'EdDSA',
      crv: 'Ed25519',
      publicKey: encodeBase64Url(passSigningPublicKey(secretKey)),
      validFrom: '2022-04-01T00:00:00.000Z',
      validTo: null,
      issuerName: '江苏省重点物资运输车辆通行证签发系统',
      issuerRegion: '320000',
    },
  ],
  departments: [
    { regionCode: '320000', name: '江苏省交通运输厅', dutyPhone: '025-52853000' },
    { regionCode: '320100', name: '南京市工业和信息化局', dutyPhone: '025-83456789' },
  ],
};
const now = new Date('2022-05-22T04:00:00Z');

/** A valid ID number: 17 digits and their GB 11643 check character. */
const idOf = (first17: string) => first17 + idNumberCheckCharacter(first17);
const driverId = idOf('32011519800101001');
const escortId = idOf('32010219920315002');
const strangerId = idOf('32011519800101003');

const base: PassTokenFields = {
  ...workedExamplePass,
  passNumber: '320100000123',
  waypointCodes: [],
  statusIndex: 6,
};
const crew = crewClaimsOf(base.passNumber, [
  { role: 'driver', idNumber: driverId, name: '王建国' },
  { role: 'escort', idNumber: escortId, name: '李四' },
]);
const fields: PassTokenFields = { ...base, crew };

describe('crew digest', () => {
  it('is 2 bytes, the same for the same pass and ID number, and salted by the pass number', () => {
    expect(crewIdDigest(base.passNumber, driverId)).toMatch(/^[0-9a-f]{4}$/);
    expect(crewIdDigest(base.passNumber, driverId)).toBe(crewIdDigest(base.passNumber, driverId));
    // The same person on 50 other passes: digests spread over the 16-bit space, so they cannot be joined.
    const others = new Set(
      Array.from({ length: 50 }, (_, i) => crewIdDigest(`3201000002${String(i).padStart(2, '0')}`, driverId)),
    );
    expect(others.size).toBeGreaterThan(45);
  });

  it('never carries the ID number in the token, in any form', () => {
    const token = toHex(signPassToken(fields, key));
    expect(token).not.toContain(toHex(encodeUtf8(driverId)));
    expect(token).not.toContain(toHex(encodeUtf8(driverId.slice(6, 14))));
    expect(crew.map(maskedInitial)).toEqual(['王*', '李*']);
  });

  it('matches the right ID number, and no one for a wrong one, typed in any form', () => {
    const right = checkCrewIdNumber(base.passNumber, crew, ` ${driverId.toLowerCase()} `, '2022-05-22');
    expect(right).toEqual({ ok: true, idNumber: driverId, matches: [crew[0]] });
    expect(checkCrewIdNumber(base.passNumber, crew, strangerId, '2022-05-22')).toEqual({
      ok: true,
      idNumber: strangerId,
      matches: [],
    });
    // A typo is reported as such, not as "not on the pass".
    const typo = checkCrewIdNumber(base.passNumber, crew, `${driverId.slice(0, 17)}0`.replace(/.$/, '9'), '2022-05-22');
    expect(typo.ok).toBe(false);
    expect(checkCrewIdNumber(base.passNumber, crew, '12345', '2022-05-22')).toMatchObject({ ok: false });
  });
});

describe('crew in the token', () => {
  it('round-trips through the payload codec and verifies, offline, with the department that issued it', () => {
    expect(decodePassPayload(encodePassPayload(fields)).crew).toEqual(crew);
    const result = verifyPassToken(signPassToken(fields, key), { trustList, now });
    expect(result.state).toBe('valid');
    if (result.state !== 'valid') return;
    expect(result.claims.crew).toEqual(crew);
    expect(result.issuingDepartment).toEqual({
      regionCode: '320100',
      name: '南京市工业和信息化局',
      dutyPhone: '025-83456789',
    });
  });

  it('decodes a token without crew as before: no crew field at all', () => {
    expect('crew' in decodePassPayload(encodePassPayload(base))).toBe(false);
    expect('crew' in decodePassPayload(encodePassPayload({ ...base, crew: [] }))).toBe(false);
  });

  it('costs 9 bytes for a crew of three, and 11 more with their initials', () => {
    const three = crewClaimsOf(base.passNumber, [
      { role: 'driver', idNumber: driverId, name: '王建国' },
      { role: 'co_driver', idNumber: strangerId, name: '欧阳娜娜' },
      { role: 'escort', idNumber: escortId, name: '李四' },
    ]);
    const size = (crew?: typeof three) => encodePassPayload({ ...base, ...(crew ? { crew } : {}) }).length;
    const withoutInitials = three.map(({ role, idDigest }) => ({ role, idDigest }));
    expect(size(withoutInitials) - size()).toBe(9);
    expect(size(three) - size(withoutInitials)).toBe(11);
    // Without initials the roles and the check still work; only the masked names are missing.
    const decoded = decodePassPayload(encodePassPayload({ ...base, crew: withoutInitials })).crew!;
    expect(decoded).toEqual(withoutInitials);
    expect(decoded.map(maskedInitial)).toEqual(['', '', '']);
    expect(checkCrewIdNumber(base.passNumber, decoded, strangerId, '2022-05-22')).toMatchObject({
      ok: true,
      matches: [{ role: 'co_driver' }],
    });
  });

  it('refuses signed crews it cannot read: bad role, length, padding bits, initials', () => {
    const withCrew = (digests: CborValue | undefined, initials?: CborValue) => {
      const map = decodeCbor(encodePassPayload(base)) as Map<number, CborValue>;
      if (digests !== undefined) map.set(PayloadKey.Crew, digests);
      if (initials !== undefined) map.set(PayloadKey.CrewInitials, initials);
      return signCoseSign1(encodeCbor(map), fromHex(key.kid)!, secretKey, 'Ed25519');
    };
    const state = (digests: CborValue | undefined, initials?: CborValue) =>
      verifyPassToken(withCrew(digests, initials), { trustList, now }).state;
    // One driver (role code 1) and one escort (3): roles byte 0b1101, then two digests.
    const two = Uint8Array.of(0b1101, 1, 2, 3, 4);
    expect(state(two)).toBe('valid');
    expect(state(two, '王李')).toBe('valid');
    for (const [digests, initials] of [
      [Uint8Array.of(), undefined],
      [Uint8Array.of(0b1101, 1, 2, 3), undefined], // not 1 + 2n bytes
      [Uint8Array.of(0b1101), undefined], // nobody
      [Uint8Array.of(0b010101, 1, 2, 3, 4, 5, 6, 7, 8), undefined], // four people
      [Uint8Array.of(0b1100, 1, 2, 3, 4), undefined], // role code 0
      [Uint8Array.of(0b011101, 1, 2, 3, 4), undefined], // bits set beyond the last person
      ['0102', undefined],
      [[1, 2], undefined],
      [two, '王'], // one initial for two people
      [two, '王李张'],
      [two, 7],
      [undefined, '王'], // initials without a crew
    ] as [CborValue | undefined, CborValue | undefined][]) {
      expect(state(digests, initials)).toBe('malformed');
    }
  });

  it('refuses to sign a crew a verifier could not read back', () => {
    expect(() => encodePassPayload({ ...base, crew: [{ ...crew[0]!, idDigest: 'zz' }] })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...base, crew: [{ ...crew[0]!, initial: '王建' }] })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...base, crew: [crew[0]!, crew[0]!, crew[0]!, crew[0]!] })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...base, crew: [{ ...crew[0]!, role: 'captain' as never }] })).toThrow(RangeError);
  });
});

describe('issuing department', () => {
  it('is the jurisdiction’s own record, else the nearest one above it', () => {
    expect(issuingDepartmentOf(trustList, '320100')?.name).toBe('南京市工业和信息化局');
    expect(issuingDepartmentOf(trustList, '320115')?.name).toBe('南京市工业和信息化局');
    expect(issuingDepartmentOf(trustList, '320500')?.name).toBe('江苏省交通运输厅');
    expect(issuingDepartmentOf(trustList, '110105')).toBeUndefined();
    expect(issuingDepartmentOf({ ...trustList, departments: undefined }, '320100')).toBeUndefined();
  });

  it('gives the duty phone in the advice for a revoked pass', () => {
    const statusList = encodeStatusList(
      3,
      new Date('2022-05-22T01:00:00Z'),
      buildStatusListBits(10, [[6, PassTokenStatus.Revoked]]),
    );
    const result = verifyPassToken(signPassToken(fields, key), { trustList, statusList, now });
    expect(result.state).toBe('revoked');
    expect(result.advice).toBe('不予放行，并联系签发单位南京市工业和信息化局（值班电话 025-83456789）核实。');
    const withoutDepartments = verifyPassToken(signPassToken(fields, key), {
      trustList: { ...trustList, departments: undefined },
      statusList,
      now,
    });
    expect(withoutDepartments.advice).toBe('不予放行，并联系签发单位（江苏省重点物资运输车辆通行证签发系统）核实。');
    expect(withoutDepartments.state === 'revoked' && withoutDepartments.issuingDepartment).toBeNull();
  });
});
