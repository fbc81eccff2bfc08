import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@pass/shared';
import { DataSource, In, MoreThan } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { lockGuard } from '../database/lock-guard.js';
import { LoginFailureEntity } from './login-failure.entity.js';

const windowMs = 15 * 60_000;
/** Guesses one address may make at one account: the lockout a user (or an attacker) normally meets. */
export const maxFailuresPerAccountAndAddress = 5;
/** Guesses one address may make at all accounts together (password spraying). */
export const maxFailuresPerAddress = 30;
/**
 * Guesses from all addresses together at one account. Higher than an address may make on its own,
 * so no single stranger can lock an account out; it still stops a guessing botnet.
 */
export const maxFailuresPerAccount = 50;

/**
 * Slows password guessing, across every server process (the attempts are rows in the database).
 *
 * An attempt is counted and written BEFORE its password is checked, in one short transaction that
 * first locks the guard rows of the account and of the address (always in that order): attempts
 * sent at once take turns there, each sees the ones before it, so exactly the limit is checked and
 * the rest refused. A failed attempt keeps its row; a success removes the rows of its account and
 * address. Locking out is per account AND address, so a stranger cannot lock the owner out; only
 * many addresses together can (maxFailuresPerAccount), and an admin can lift that.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Counts the attempt; throws RATE_LIMITED if it is over a limit. Call before checking the password. */
  async begin(phone: string, ip: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockGuard(manager, `login:${phone}`);
      await lockGuard(manager, `login-ip:${ip}`);
      const now = new Date();
      const since = MoreThan(new Date(now.getTime() - windowMs));
      const [pair, byIp, byPhone] = [
        await manager.countBy(LoginFailureEntity, { phone, ip, createdAt: since }),
        await manager.countBy(LoginFailureEntity, { ip, createdAt: since }),
        await manager.countBy(LoginFailureEntity, { phone, createdAt: since }),
      ];
      if (
        pair >= maxFailuresPerAccountAndAddress ||
        byIp >= maxFailuresPerAddress ||
        byPhone >= maxFailuresPerAccount
      ) {
        throw new DomainException(ErrorCode.RateLimited, '登录失败次数过多，请15分钟后再试');
      }
      await manager.insert(LoginFailureEntity, { id: randomUUID(), phone, ip, createdAt: now, updatedAt: now });
    });
  }

  /** The password was right: this address starts afresh at this account. */
  async succeeded(phone: string, ip: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailureEntity).delete({ phone, ip });
  }

  /** An admin lifts every lockout of an account (all addresses). */
  async clear(phone: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailureEntity).delete({ phone });
  }

  /**
   * Until when each of these accounts is locked out from at least one address (or from all), if it is:
   * a limit of N holds while N failures are younger than the window, so it ends when the N-th newest
   * of them grows older than the window.
   */
  async lockedUntil(phones: string[]): Promise<Map<string, Date>> {
    const locked = new Map<string, Date>();
    if (phones.length === 0) return locked;
    const rows = await this.dataSource.getRepository(LoginFailureEntity).find({
      select: { phone: true, ip: true, createdAt: true },
      where: { phone: In([...new Set(phones)]), createdAt: MoreThan(new Date(Date.now() - windowMs)) },
      order: { createdAt: 'DESC' },
    });
    const groups = new Map<string, { phone: string; limit: number; times: Date[] }>();
    const add = (key: string, phone: string, limit: number, at: Date) => {
      const group = groups.get(key) ?? { phone, limit, times: [] };
      group.times.push(at);
      groups.set(key, group);
    };
    for (const row of rows) {
      add(`${row.phone}`, row.phone, maxFailuresPerAccount, row.createdAt);
      add(`${row.phone}|${row.ip}`, row.phone, maxFailuresPerAccountAndAddress, row.createdAt);
    }
    for (const { phone, limit, times } of groups.values()) {
      if (times.length < limit) continue;
      const until = new Date(times[limit - 1]!.getTime() + windowMs);
      const known = locked.get(phone);
      if (!known || known < until) locked.set(phone, until);
    }
    return locked;
  }
}
