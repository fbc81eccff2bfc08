import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AccountView, type AuthTokens, type CrewSignInRequest, ErrorCode, Role } from '@pass/shared';
import { DataSource, type EntityManager, MoreThan } from 'typeorm';
import { RefreshTokenReused, TokensService } from '../auth/tokens.service.js';
import { DomainException } from '../common/domain.exception.js';
import { lockGuard } from '../database/lock-guard.js';
import { DriversService } from '../drivers/drivers.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CrewSignInEntity } from './crew-sign-in.entity.js';

export const codeLifetimeMs = 5 * 60_000;
/** A new code for the same phone not before this: one SMS a minute, as carriers and users expect. */
export const resendAfterMs = 60_000;
const hourMs = 3_600_000;
/** Codes one phone may be sent in an hour (each costs an SMS and gives a guesser new tries). */
export const codesPerPhonePerHour = 5;
/** Codes one address may ask for in an hour, over all phones (SMS bombing, enumeration). */
export const codesPerAddressPerHour = 20;
/** Wrong guesses a code survives; then it is dead and a new one must be sent. */
export const attemptsPerCode = 5;

const digestOf = (signInId: string, code: string) => createHash('sha256').update(`${signInId}:${code}`).digest('hex');

const sameDigest = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** A crew session as the token service and the app see it: not an account, scoped by its phone alone. */
function crewView(signInId: string, phone: string, name: string): AccountView {
  return {
    id: signInId,
    role: Role.Crew,
    name,
    phone,
    enterpriseId: null,
    jurisdictionCode: null,
    department: null,
    reviewLevel: null,
    checkpointId: null,
    wechatBound: false,
    disabled: false,
    mustChangePassword: false,
  };
}

/**
 * 驾驶员/押运员登录: a one-time code by SMS to the phone on a driver record, then a session that sees only
 * the passes that person rides on (the passes module scopes by the phone in the token).
 *
 * Limits, counted from this table's rows under guard locks (phone, then address), so every server
 * process sees the same counts: one code a minute and five an hour per phone, twenty an hour per
 * address; only the newest code of a phone is accepted, for five minutes, for five wrong guesses, once.
 * That is at most 25 guesses an hour at a million codes.
 */
@Injectable()
export class CrewSignInService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly drivers: DriversService,
    private readonly notifications: NotificationsService,
  ) {}

  async sendCode(phone: string, ip: string): Promise<void> {
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    await this.dataSource.transaction(async (manager) => {
      await lockGuard(manager, `crew-code:${phone}`);
      await lockGuard(manager, `crew-code-ip:${ip}`);
      const now = new Date();
      const lastHour = MoreThan(new Date(now.getTime() - hourMs));
      const latest = await this.latestOf(manager, phone);
      if (latest && now.getTime() - latest.createdAt.getTime() < resendAfterMs) {
        throw new DomainException(ErrorCode.RateLimited, '验证码已发送，请60秒后再重新获取');
      }
      const byPhone = await manager.countBy(CrewSignInEntity, { phone, createdAt: lastHour });
      const byAddress = await manager.countBy(CrewSignInEntity, { ip, createdAt: lastHour });
      if (byPhone >= codesPerPhonePerHour || byAddress >= codesPerAddressPerHour) {
        throw new DomainException(ErrorCode.RateLimited, '获取验证码次数过多，请1小时后再试');
      }
      const id = randomUUID();
      await manager.insert(CrewSignInEntity, {
        id,
        phone,
        ip,
        codeHash: digestOf(id, code),
        expiresAt: new Date(now.getTime() + codeLifetimeMs),
        failedAttempts: 0,
        usedAt: null,
        createdAt: now,
        updatedAt: now,
      });
    });
    // Only a phone on a driver record is sent the code. Any other gets the same answer and a row that
    // counts against the limits, so the form does not tell a stranger whose phone drives for whom.
    if ((await this.drivers.crewNameFor(phone)) === null) return;
    await this.notifications.sendText(
      phone,
      '登录验证码',
      `${code}，5分钟内有效。您正在以驾驶员/押运员身份登录通行证小程序，如非本人操作请忽略。`,
    );
  }

  async signIn({ phone, code }: CrewSignInRequest): Promise<AuthTokens> {
    // The guess is counted in the transaction and the refusal thrown after it, so the count commits.
    const signIn = await this.dataSource.transaction(async (manager) => {
      await lockGuard(manager, `crew-code:${phone}`);
      const latest = await this.latestOf(manager, phone);
      if (!latest || latest.usedAt || latest.expiresAt <= new Date() || latest.failedAttempts >= attemptsPerCode) {
        return null;
      }
      if (!sameDigest(digestOf(latest.id, code), latest.codeHash)) {
        await manager.update(CrewSignInEntity, latest.id, {
          failedAttempts: latest.failedAttempts + 1,
          updatedAt: new Date(),
        });
        return null;
      }
      const now = new Date();
      await manager.update(CrewSignInEntity, latest.id, { usedAt: now, updatedAt: now });
      return latest;
    });
    const name = signIn && (await this.drivers.crewNameFor(phone));
    if (!signIn || !name) throw new DomainException(ErrorCode.SignInCodeInvalid);
    return this.tokens.issue(crewView(signIn.id, phone, name));
  }

  /** A crew session renews like an account's; it ends when no driver record has the phone any more. */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { accountId } = await this.tokens.spendRefreshToken(refreshToken, manager);
        const signIn = await manager.findOneBy(CrewSignInEntity, { id: accountId });
        if (!signIn?.usedAt) throw new DomainException(ErrorCode.Unauthenticated, '登录已过期，请重新登录');
        const name = await this.drivers.crewNameFor(signIn.phone, manager);
        if (!name) throw new DomainException(ErrorCode.Unauthenticated, '该手机号已不在司乘人员名单中，请联系车队');
        return this.tokens.issue(crewView(signIn.id, signIn.phone, name), manager);
      });
    } catch (error) {
      if (error instanceof RefreshTokenReused) await this.tokens.revokeAll(error.accountId);
      throw error;
    }
  }

  private latestOf(manager: EntityManager, phone: string): Promise<CrewSignInEntity | null> {
    return manager.findOne(CrewSignInEntity, { where: { phone }, order: { createdAt: 'DESC' } });
  }
}
