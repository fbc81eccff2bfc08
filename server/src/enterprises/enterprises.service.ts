import { Inject, Injectable } from '@nestjs/common';
import {
  type AuthTokens,
  type EnterpriseView,
  ErrorCode,
  type enterpriseUpdateSchema,
  type FleetManagerRegistration,
  jurisdictionCodeAt,
  type ReviewLevel,
  Role,
  type z,
} from '@pass/shared';
import { DataSource, In, IsNull } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity.js';
import { hashPassword } from '../accounts/password.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { DomainException } from '../common/domain.exception.js';
import { isUniqueViolation } from '../database/errors.js';
import { WhitelistEntryEntity } from '../whitelist/whitelist-entry.entity.js';
import { EnterpriseEntity } from './enterprise.entity.js';
import { toEnterpriseView } from './enterprise.view.js';

/** Whether an official's jurisdiction covers a county: the official's level decides how far up to look. */
export function officialCovers(actor: RequestActor, districtCode: string): boolean {
  if (actor.role === Role.Admin) return true;
  if (actor.role !== Role.Official || !actor.reviewLevel || !actor.jurisdictionCode) return false;
  return jurisdictionCodeAt(actor.reviewLevel as ReviewLevel, districtCode) === actor.jurisdictionCode;
}

@Injectable()
export class EnterprisesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
  ) {}

  /** Sign-up of an enterprise with its first fleet manager; it may apply once an official verifies it. */
  async register(request: FleetManagerRegistration): Promise<AuthTokens> {
    const passwordHash = await hashPassword(request.manager.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const enterprise = await manager.save(
          manager.create(EnterpriseEntity, { ...request.enterprise, verifiedAt: null }),
        );
        const account = await manager.save(
          manager.create(AccountEntity, {
            role: Role.FleetManager,
            name: request.manager.name,
            phone: request.manager.phone,
            passwordHash,
            enterpriseId: enterprise.id,
            jurisdictionCode: null,
            department: null,
            reviewLevel: null,
            checkpointId: null,
            wechatOpenid: null,
          }),
        );
        await this.audit.record(manager, null, {
          action: 'enterprise.register',
          entityType: 'enterprise',
          entityId: enterprise.id,
          after: { creditCode: enterprise.creditCode, name: enterprise.name, managerPhone: account.phone },
        });
        return this.tokens.issue(account, manager);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const taken = await this.dataSource
        .getRepository(EnterpriseEntity)
        .existsBy({ creditCode: request.enterprise.creditCode });
      throw taken
        ? new DomainException(ErrorCode.DuplicateEnterprise)
        : new DomainException(ErrorCode.Conflict, '该手机号码已注册');
    }
  }

  async own(actor: RequestActor): Promise<EnterpriseView> {
    const enterprise = await this.findOwn(actor);
    return toEnterpriseView(enterprise, await this.isWhitelisted(enterprise.creditCode));
  }

  async updateOwn(actor: RequestActor, changes: z.output<typeof enterpriseUpdateSchema>): Promise<EnterpriseView> {
    const enterprise = await this.findOwn(actor);
    const before = {
      address: enterprise.address,
      contactName: enterprise.contactName,
      contactPhone: enterprise.contactPhone,
    };
    Object.assign(enterprise, changes);
    await this.dataSource.transaction(async (manager) => {
      await manager.save(enterprise);
      await this.audit.record(manager, actor, {
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: enterprise.id,
        before,
        after: changes,
      });
    });
    return toEnterpriseView(enterprise, await this.isWhitelisted(enterprise.creditCode));
  }

  /** Enterprises in the official's jurisdiction, the unverified first. */
  async listForOfficial(actor: RequestActor, pendingOnly: boolean): Promise<EnterpriseView[]> {
    const all = await this.dataSource.getRepository(EnterpriseEntity).find({
      where: pendingOnly ? { verifiedAt: IsNull() } : {},
      order: { createdAt: 'ASC' },
      take: 1000,
    });
    const visible = all.filter((e) => officialCovers(actor, e.districtCode));
    const listed = await this.whitelistedCodes(visible.map((e) => e.creditCode));
    return visible
      .map((e) => toEnterpriseView(e, listed.has(e.creditCode)))
      .sort((a, b) => Number(a.verified) - Number(b.verified));
  }

  async verify(actor: RequestActor, id: string): Promise<EnterpriseView> {
    const enterprise = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(EnterpriseEntity, { id });
      if (!found || !officialCovers(actor, found.districtCode)) throw new DomainException(ErrorCode.NotFound);
      if (!found.verifiedAt) {
        found.verifiedAt = new Date();
        await manager.save(found);
        await this.audit.record(manager, actor, {
          action: 'enterprise.verify',
          entityType: 'enterprise',
          entityId: found.id,
          before: { verified: false },
          after: { verified: true },
        });
      }
      return found;
    });
    return toEnterpriseView(enterprise, await this.isWhitelisted(enterprise.creditCode));
  }

  private async findOwn(actor: RequestActor): Promise<EnterpriseEntity> {
    const enterprise = actor.enterpriseId
      ? await this.dataSource.getRepository(EnterpriseEntity).findOneBy({ id: actor.enterpriseId })
      : null;
    if (!enterprise) throw new DomainException(ErrorCode.NotFound);
    return enterprise;
  }

  private async isWhitelisted(creditCode: string): Promise<boolean> {
    return (await this.whitelistedCodes([creditCode])).has(creditCode);
  }

  private async whitelistedCodes(creditCodes: string[]): Promise<Set<string>> {
    if (creditCodes.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(WhitelistEntryEntity)
      .find({ select: { creditCode: true }, where: { creditCode: In(creditCodes), removedAt: IsNull() } });
    return new Set(rows.map((r) => r.creditCode));
  }
}
