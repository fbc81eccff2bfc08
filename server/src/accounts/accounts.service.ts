import { Inject, Injectable } from '@nestjs/common';
import { type AccountView, ErrorCode, Role, type StaffAccountRequest } from '@pass/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { CheckpointEntity } from '../checkpoints/checkpoint.entity.js';
import { DomainException } from '../common/domain.exception.js';
import { isUniqueViolation } from '../database/errors.js';
import { AccountEntity } from './account.entity.js';
import { toAccountView } from './account.view.js';
import { hashPassword } from './password.js';

@Injectable()
export class AccountsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async view(id: string): Promise<AccountView> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id });
    if (!account) throw new DomainException(ErrorCode.Unauthenticated);
    return toAccountView(account);
  }

  async list(role?: Role): Promise<AccountView[]> {
    const accounts = await this.dataSource
      .getRepository(AccountEntity)
      .find({ where: role ? { role } : {}, order: { createdAt: 'ASC' }, take: 500 });
    return accounts.map(toAccountView);
  }

  /** Officials, checkpoint staff and admins are created by an admin; fleet managers sign up themselves. */
  async createStaff(actor: RequestActor, request: StaffAccountRequest): Promise<AccountView> {
    if (request.role === Role.CheckpointStaff) {
      const exists = await this.dataSource.getRepository(CheckpointEntity).existsBy({ id: request.checkpointId });
      if (!exists) throw new DomainException(ErrorCode.ValidationFailed, '卡口不存在');
    }
    const repo = this.dataSource.getRepository(AccountEntity);
    const account = repo.create({
      role: request.role,
      name: request.name,
      phone: request.phone,
      passwordHash: await hashPassword(request.password),
      enterpriseId: null,
      jurisdictionCode: request.role === Role.Official ? request.jurisdictionCode : null,
      department: request.role === Role.Official ? request.department : null,
      reviewLevel: request.role === Role.Official ? request.reviewLevel : null,
      checkpointId: request.role === Role.CheckpointStaff ? request.checkpointId : null,
      wechatOpenid: null,
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(account);
        const view = toAccountView(saved);
        await this.audit.record(manager, actor, {
          action: 'account.create',
          entityType: 'account',
          entityId: saved.id,
          after: {
            role: view.role,
            name: view.name,
            phone: view.phone,
            jurisdictionCode: view.jurisdictionCode,
            reviewLevel: view.reviewLevel,
            checkpointId: view.checkpointId,
          },
        });
        return view;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, '该手机号码已注册');
      throw error;
    }
  }
}
