import { Controller, Inject } from '@nestjs/common';
import { accountRoutes, ErrorCode } from '@pass/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint } from '../auth/endpoint.decorators.js';
import { IdParam } from '../common/api-body.js';
import { DomainException } from '../common/domain.exception.js';
import { AccountEntity } from './account.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';

/** Admins lift a sign-in lockout (the account list shows `lockedUntil`). */
@Controller()
export class AccountLockoutsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  @Endpoint(accountRoutes.unlock)
  async unlock(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id });
    if (!account) throw new DomainException(ErrorCode.NotFound, '未找到该账号');
    const lockedUntil = (await this.throttle.lockedUntil([account.phone])).get(account.phone) ?? null;
    await this.throttle.clear(account.phone);
    await this.audit.record(this.dataSource.manager, actor, {
      action: 'account.unlock',
      entityType: 'account',
      entityId: account.id,
      before: { lockedUntil: lockedUntil?.toISOString() ?? null },
      after: { lockedUntil: null },
    });
  }
}
