import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, Role } from '@pass/shared';
import type { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { TokensService } from './tokens.service.js';

const jwt = new JwtService({ secret: 'a'.repeat(43) });
const claims = { sub: 'official-1', role: Role.Official, name: '审核员', jur: '320115', lvl: 'district' };
/** verifyAccessToken reads no table: no data source is needed. */
const tokensService = () => new TokensService(jwt, undefined as unknown as DataSource);

const refusal = (verify: () => unknown) => {
  try {
    verify();
    return 'accepted';
  } catch (error) {
    return error instanceof DomainException ? error.code : String(error);
  }
};

describe('TokensService.verifyAccessToken', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('checks a token once, then answers from what it kept, a copy each time, until the token expires', () => {
    const tokens = tokensService();
    const token = jwt.sign(claims, { expiresIn: 60 });
    const checked = jest.spyOn(jwt, 'verify');
    const first = tokens.verifyAccessToken(token);
    expect(first).toMatchObject({ id: 'official-1', role: Role.Official, jurisdictionCode: '320115' });
    // A request that changes its actor changes nobody else's, whether checked or kept.
    first.name = '别人';
    const second = tokens.verifyAccessToken(token);
    expect(second).toMatchObject({ id: 'official-1', name: '审核员', reviewLevel: 'district' });
    second.name = '别人';
    expect(tokens.verifyAccessToken(token)).toMatchObject({ name: '审核员' });
    expect(checked).toHaveBeenCalledTimes(1);

    // From its `exp` on it is refused, kept or not, as jsonwebtoken refuses it.
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 59_000);
    expect(refusal(() => tokens.verifyAccessToken(token))).toBe('accepted');
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    expect(refusal(() => tokens.verifyAccessToken(token))).toBe(ErrorCode.Unauthenticated);
    expect(refusal(() => tokensService().verifyAccessToken(token))).toBe(ErrorCode.Unauthenticated);
  });

  it('keeps nothing of a token that fails: a changed or foreign one is refused every time', () => {
    const tokens = tokensService();
    const token = jwt.sign(claims, { expiresIn: 60 });
    const [header, payload, signature] = token.split('.');
    const raised = Buffer.from(JSON.stringify({ ...claims, role: Role.Admin, exp: 4_000_000_000 })).toString(
      'base64url',
    );
    const foreign = new JwtService({ secret: 'b'.repeat(43) }).sign(claims, { expiresIn: 60 });
    for (const bad of [`${header}.${raised}.${signature}`, foreign, `${header}.${payload}.`]) {
      expect(refusal(() => tokens.verifyAccessToken(bad))).toBe(ErrorCode.Unauthenticated);
      expect(refusal(() => tokens.verifyAccessToken(bad))).toBe(ErrorCode.Unauthenticated);
    }
    expect(refusal(() => tokens.verifyAccessToken(token))).toBe('accepted');
  });
});
