import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type AccountView, type AuthTokens, ErrorCode, Role } from '@pass/shared';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { writeLock } from '../database/locks.js';
import type { RequestActor } from './auth.decorators.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

const accessTokenSeconds = 15 * 60;
const refreshTokenDays = 30;

/** What an access token carries: enough scope to authorise a request without reading the database. */
interface AccessClaims {
  sub: string;
  role: Role;
  name: string;
  ent?: string;
  jur?: string;
  lvl?: string;
  dep?: string;
  cp?: string;
  /** A crew session's phone: the passes it may see are those whose crew has a driver record with it. */
  ph?: string;
  /** Present while the account must change its password: the guard lets only that through. */
  pwc?: true;
}

export class RefreshTokenReused extends DomainException {
  constructor(readonly accountId: string) {
    super(ErrorCode.Unauthenticated, '登录凭证已失效，请重新登录');
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** How many verified access tokens a process keeps (verifyAccessToken). */
const maxVerifiedTokens = 10_000;

@Injectable()
export class TokensService {
  private readonly verified = new Map<string, { actor: RequestActor; expiresAtMs: number }>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /**
   * A short-lived access token and a rotating refresh token for the account, from its view: the view
   * carries every claim, so this core module never reads the accounts table. A crew session comes here
   * too, with the view of its sign-in (its id is the sign-in's, which its refresh token names).
   */
  async issue(account: AccountView, manager: EntityManager = this.dataSource.manager): Promise<AuthTokens> {
    const claims: AccessClaims = {
      sub: account.id,
      role: account.role,
      name: account.name,
      ...(account.enterpriseId ? { ent: account.enterpriseId } : {}),
      ...(account.jurisdictionCode ? { jur: account.jurisdictionCode } : {}),
      ...(account.reviewLevel ? { lvl: account.reviewLevel } : {}),
      ...(account.department ? { dep: account.department } : {}),
      ...(account.checkpointId ? { cp: account.checkpointId } : {}),
      ...(account.role === Role.Crew ? { ph: account.phone } : {}),
      ...(account.mustChangePassword ? { pwc: true as const } : {}),
    };
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.save(
      manager.create(RefreshTokenEntity, {
        accountId: account.id,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(Date.now() + refreshTokenDays * 86_400_000),
        revokedAt: null,
      }),
    );
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn: accessTokenSeconds }),
      expiresIn: accessTokenSeconds,
      refreshToken,
      account,
    };
  }

  /**
   * The actor an access token names. A token's signature and claims are checked once: the actor is then
   * kept with the token's expiry (`verified`), so the same session's next requests skip jsonwebtoken
   * (parsing, HMAC and option checks: about 0.1 ms of a 2.5 ms approval, docs/scaling.md §4.3). Only a
   * token that passed is kept, keyed by its whole text, so nothing else is accepted; an access token is
   * never revoked before it expires (it is stateless: refresh tokens are what end a session), and a kept
   * one is refused from its `exp` on as jsonwebtoken refuses it. Each request gets its own copy.
   */
  verifyAccessToken(token: string): RequestActor {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return { ...known.actor };
    let claims: AccessClaims & { exp: number };
    try {
      claims = this.jwt.verify<AccessClaims & { exp: number }>(token);
    } catch {
      this.verified.delete(token);
      throw new DomainException(ErrorCode.Unauthenticated, '登录已过期，请重新登录');
    }
    const actor: RequestActor = {
      id: claims.sub,
      role: claims.role,
      name: claims.name,
      enterpriseId: claims.ent ?? null,
      jurisdictionCode: claims.jur ?? null,
      reviewLevel: claims.lvl ?? null,
      department: claims.dep ?? null,
      checkpointId: claims.cp ?? null,
      phone: claims.ph ?? null,
      mustChangePassword: claims.pwc === true,
    };
    // Bounded: a process sees far fewer live sessions than this in 15 minutes; when full, start again.
    if (this.verified.size >= maxVerifiedTokens) this.verified.clear();
    this.verified.set(token, { actor, expiresAtMs: claims.exp * 1000 });
    return { ...actor };
  }

  /**
   * Spends a refresh token and returns the account it belongs to. A token used twice means a copy
   * leaked: every session of that account ends (outside the caller's transaction, which rolls back).
   */
  async spendRefreshToken(
    refreshToken: string,
    manager: EntityManager,
  ): Promise<{ accountId: string; issuedAt: Date }> {
    const stored = await manager.findOne(RefreshTokenEntity, {
      where: { tokenHash: sha256(refreshToken) },
      lock: writeLock(manager),
    });
    if (!stored || stored.expiresAt < new Date()) {
      throw new DomainException(ErrorCode.Unauthenticated, '登录已过期，请重新登录');
    }
    if (stored.revokedAt) throw new RefreshTokenReused(stored.accountId);
    stored.revokedAt = new Date();
    await manager.save(stored);
    // Each renewal issues a new token, so its issue time is when the session was last used.
    return { accountId: stored.accountId, issuedAt: stored.createdAt };
  }

  async revoke(refreshToken: string): Promise<void> {
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ tokenHash: sha256(refreshToken), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAll(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(RefreshTokenEntity, { accountId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
