import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@pass/shared';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RegistrationAttemptEntity } from './registration-attempt.entity.js';

const windowMs = 60 * 60_000;

/**
 * Self-registrations per address and hour (REGISTRATIONS_PER_HOUR), across all server processes.
 * As with logins, the attempt is written before it is counted, so a burst cannot slip under the limit.
 */
@Injectable()
export class RegistrationThrottleService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts the attempt; throws RATE_LIMITED when the address is over its limit. Call before hashing. */
  async begin(ip: string): Promise<void> {
    const repo = this.dataSource.getRepository(RegistrationAttemptEntity);
    const now = new Date();
    const since = new Date(now.getTime() - windowMs);
    await repo.delete({ ip, createdAt: LessThan(since) });
    const attempt = await repo.save(repo.create({ ip, createdAt: now }), { transaction: false });
    const count = await repo.countBy({ ip, createdAt: MoreThan(since) });
    if (count > this.config.registrationsPerHour) {
      await repo.delete({ id: attempt.id });
      throw new DomainException(ErrorCode.RateLimited, '注册过于频繁，请1小时后再试');
    }
  }
}
