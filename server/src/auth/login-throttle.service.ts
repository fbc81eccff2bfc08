import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@pass/shared';
import { DataSource, In, MoreThan } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
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
 * An attempt is written BEFORE its password is checked and the limits are counted after that write,
 * each statement on its own (autocommit on MySQL, serialised on SQLite): of any number of attempts
 * sent at once, the k-th one written counts at least k rows, so no more than the limit are ever
 * checked. An attempt refused removes its row; a failed one keeps it; a success removes the rows of
 * its account and address.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Counts the attempt; throws RATE_LIMITED if it is over a limit. Call before checking the password. */
  async begin(phone: string, ip: string): Promise<void> {
    const repo = this.dataSource.getRepository(LoginFailureEntity);
    const id = randomUUID();
    const now = new Date();
    await repo.insert({ id, phone, ip, createdAt: now, updatedAt: now });
    const since = MoreThan(new Date(now.getTime() - windowMs));
    const [pair, byIp, byPhone] = await Promise.all([
      repo.countBy({ phone, ip, createdAt: since }),
      repo.countBy({ ip, createdAt: since }),
      repo.countBy({ phone, createdAt: since }),
    ]);
    if (pair > maxFailuresPerAccountAndAddress || byIp > maxFailuresPerAddress || byPhone > maxFailuresPerAccount) {
      await repo.delete({ id });
      throw new DomainException(ErrorCode.RateLimited, '登录失败次数过多，请15分钟后再试');
    }
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
