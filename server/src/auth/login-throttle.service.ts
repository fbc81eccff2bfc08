import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@pass/shared';
import { DataSource, MoreThan } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { LoginFailureEntity } from './login-failure.entity.js';

const windowMs = 15 * 60_000;
const maxFailuresPerPhone = 5;
const maxFailuresPerIp = 30;

/**
 * Slows password guessing. Failures are rows in the database, so the limit holds across every
 * server process of a deployment.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async assertAllowed(phone: string, ip: string): Promise<void> {
    const repo = this.dataSource.getRepository(LoginFailureEntity);
    const since = MoreThan(new Date(Date.now() - windowMs));
    const [byPhone, byIp] = await Promise.all([
      repo.countBy({ phone, createdAt: since }),
      repo.countBy({ ip, createdAt: since }),
    ]);
    if (byPhone >= maxFailuresPerPhone || byIp >= maxFailuresPerIp) {
      throw new DomainException(ErrorCode.RateLimited, '登录失败次数过多，请15分钟后再试');
    }
  }

  async recordFailure(phone: string, ip: string): Promise<void> {
    const repo = this.dataSource.getRepository(LoginFailureEntity);
    await repo.save(repo.create({ phone, ip }));
  }

  async clear(phone: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailureEntity).delete({ phone });
  }
}
