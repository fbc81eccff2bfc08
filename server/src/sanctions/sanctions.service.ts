import { Inject, Injectable } from '@nestjs/common';
import type { BlacklistEntryView, BlacklistHit, SuspensionView } from '@pass/shared';
import {
  type BlacklistEntry,
  type BlacklistKind,
  chinaToday,
  ErrorCode,
  maskIdNumber,
  type Suspension,
} from '@pass/shared';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { recordView } from '../database/base-record.js';
import { endInForce } from '../database/in-force.js';
import { DriversService } from '../drivers/drivers.service.js';
import type { EnterpriseEntity } from '../enterprises/enterprise.entity.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { BlacklistEntryEntity } from './blacklist-entry.entity.js';

/** The subjects of one application, as the blacklist keys them. */
export interface SanctionSubjects {
  enterpriseId: string;
  plate: string | null;
  crewDriverIds: string[];
}

/**
 * The same subjects as issuance has already read them in its transaction (the enterprise it locked,
 * the crew's lookup hashes with the crew it puts on the pass): checked without reading them again.
 */
export interface ReadSanctionSubjects {
  enterprise: EnterpriseEntity;
  plate: string;
  crewIdNumberHashes: string[];
}

/** 黑名单 and 熔断: who may not receive passes, checked when an application is submitted and again when approved. */
@Injectable()
export class SanctionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly drivers: DriversService,
    private readonly enterprises: EnterprisesService,
    private readonly audit: AuditService,
  ) {}

  async addToBlacklist(actor: RequestActor, entry: BlacklistEntry): Promise<BlacklistEntryView> {
    const [subjectKey, subjectLabel] =
      entry.kind === 'driver'
        ? [this.drivers.idNumberLookupHash(entry.key), maskIdNumber(entry.key)]
        : [entry.key, entry.key];
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(BlacklistEntryEntity, {
          kind: entry.kind,
          subjectKey,
          subjectLabel,
          reason: entry.reason,
          until: entry.until ?? null,
          createdBy: actor.id,
          liftedAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'blacklist.add',
        entityType: 'blacklist',
        entityId: saved.id,
        after: { kind: saved.kind, subject: subjectLabel, reason: saved.reason, until: saved.until },
      });
      return toView(saved);
    });
  }

  async lift(actor: RequestActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const entry = await endInForce(manager, BlacklistEntryEntity, { id }, 'liftedAt');
      await this.audit.record(manager, actor, {
        action: 'blacklist.lift',
        entityType: 'blacklist',
        entityId: id,
        before: { kind: entry.kind, subject: entry.subjectLabel },
      });
    });
  }

  async list(): Promise<BlacklistEntryView[]> {
    const entries = await this.dataSource
      .getRepository(BlacklistEntryEntity)
      .find({ where: { liftedAt: IsNull() }, order: { createdAt: 'DESC' }, take: 1000 });
    return entries.filter((e) => inForce(e)).map(toView);
  }

  /** Enterprises whose issuance is stopped today or later (熔断). */
  async suspensions(): Promise<SuspensionView[]> {
    const enterprises = await this.enterprises.suspendedOn(chinaToday());
    return enterprises.map((e) => ({
      enterpriseId: e.id,
      enterpriseName: e.name,
      creditCode: e.creditCode,
      until: e.suspendedUntil!,
      reason: e.suspensionReason,
    }));
  }

  async suspend(actor: RequestActor, suspension: Suspension): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const enterprise = await this.enterprises.findById(manager, suspension.enterpriseId);
      if (!enterprise) throw new DomainException(ErrorCode.NotFound, '未找到该企业');
      const before = { suspendedUntil: enterprise.suspendedUntil, reason: enterprise.suspensionReason };
      await this.enterprises.setSuspension(manager, enterprise, suspension.until, suspension.reason);
      await this.audit.record(manager, actor, {
        action: 'enterprise.suspend',
        entityType: 'enterprise',
        entityId: enterprise.id,
        before,
        after: { suspendedUntil: suspension.until, reason: suspension.reason },
      });
    });
  }

  async liftSuspension(actor: RequestActor, enterpriseId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const enterprise = await this.enterprises.findById(manager, enterpriseId);
      if (!enterprise) throw new DomainException(ErrorCode.NotFound, '未找到该企业');
      const before = { suspendedUntil: enterprise.suspendedUntil, reason: enterprise.suspensionReason };
      await this.enterprises.setSuspension(manager, enterprise, null, null);
      await this.audit.record(manager, actor, {
        action: 'enterprise.lift_suspension',
        entityType: 'enterprise',
        entityId: enterprise.id,
        before,
      });
    });
  }

  /** Blacklist entries in force against the application's enterprise, vehicle or crew. */
  async hits(subjects: SanctionSubjects, manager: EntityManager = this.dataSource.manager): Promise<BlacklistHit[]> {
    const enterprise = await this.enterprises.getById(manager, subjects.enterpriseId);
    return this.hitsOf(manager, await this.keysOf(enterprise, subjects, manager));
  }

  /** Refuses issuance to a suspended or blacklisted subject, naming which. */
  async assertClear(subjects: SanctionSubjects, manager: EntityManager): Promise<void> {
    const enterprise = await this.enterprises.getById(manager, subjects.enterpriseId);
    assertNotSuspended(enterprise);
    assertNoHit(await this.hitsOf(manager, await this.keysOf(enterprise, subjects, manager)));
  }

  /** assertClear for subjects the caller has read in its transaction: one query, the blacklist's. */
  async assertClearOf(subjects: ReadSanctionSubjects, manager: EntityManager): Promise<void> {
    assertNotSuspended(subjects.enterprise);
    assertNoHit(
      await this.hitsOf(manager, [subjects.enterprise.creditCode, subjects.plate, ...subjects.crewIdNumberHashes]),
    );
  }

  private async keysOf(enterprise: EnterpriseEntity, subjects: SanctionSubjects, manager: EntityManager) {
    return [
      enterprise.creditCode,
      ...(subjects.plate ? [subjects.plate] : []),
      ...(await this.drivers.idNumberHashes(subjects.crewDriverIds, manager)),
    ];
  }

  private async hitsOf(manager: EntityManager, keys: string[]): Promise<BlacklistHit[]> {
    const entries = await manager.findBy(BlacklistEntryEntity, { subjectKey: In(keys), liftedAt: IsNull() });
    return entries
      .filter((e) => inForce(e))
      .map((e) => ({ kind: e.kind, label: e.subjectLabel, reason: e.reason, until: e.until }));
  }
}

function assertNotSuspended(enterprise: EnterpriseEntity): void {
  if (enterprise.suspendedUntil && enterprise.suspendedUntil >= chinaToday()) {
    throw new DomainException(
      ErrorCode.EnterpriseSuspended,
      `该企业已被暂停办理通行证至${enterprise.suspendedUntil}：${enterprise.suspensionReason ?? ''}`,
    );
  }
}

function assertNoHit([hit]: BlacklistHit[]): void {
  if (hit) {
    throw new DomainException(ErrorCode.Blacklisted, `${kindLabel[hit.kind]}${hit.label}已被列入黑名单：${hit.reason}`);
  }
}

const kindLabel: Record<BlacklistKind, string> = { enterprise: '企业', driver: '司乘人员', vehicle: '车辆' };

function inForce(entry: BlacklistEntryEntity): boolean {
  return !entry.until || entry.until >= chinaToday();
}

function toView(e: BlacklistEntryEntity): BlacklistEntryView {
  return { ...recordView(e), kind: e.kind, label: e.subjectLabel, reason: e.reason, until: e.until };
}
