import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@pass/shared';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { lockGuard } from '../database/lock-guard.js';
import { RegistrationAttemptEntity } from './registration-attempt.entity.js';

const windowMs = 60 * 60_000;

/**
 * Self-registrations per address and hour (REGISTRATIONS_PER_HOUR), across all server processes.
 * As with sign-ins, the attempt is counted and written under the address's guard lock before the
 * password is hashed, so a burst gets exactly the limit through.
 */
@Injectable()
export class RegistrationThrottleService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts the attempt; throws RATE_LIMITED when the address is over its limit. Call before hashing. */
  async begin(ip: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockGuard(manager, `register:${ip}`);
      const now = new Date();
      const since = new Date(now.getTime() - windowMs);
      await manager.delete(RegistrationAttemptEntity, { ip, createdAt: LessThan(since) });
      const count = await manager.countBy(RegistrationAttemptEntity, { ip, createdAt: MoreThan(since) });
      if (count >= this.config.registrationsPerHour) {
        throw new DomainException(ErrorCode.RateLimited, '注册过于频繁，请1小时后再试');
      }
      await manager.insert(RegistrationAttemptEntity, { id: randomUUID(), ip, createdAt: now, updatedAt: now });
    });
  }
}
