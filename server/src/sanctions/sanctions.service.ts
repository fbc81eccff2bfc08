import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BlacklistEntryView, BlacklistHit, SuspensionView } from '@pass/shared';
import {
  type BlacklistEntry,
  type BlacklistKind,
  chinaToday,
  ErrorCode,
  maskIdNumber,
  type Suspension,
} from '@pass/shared';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { sqlDate } from '../common/sql-dates.js';
import { recordView } from '../database/base-record.js';
import { endInForce } from '../database/in-force.js';
import type { Statement } from '../database/plain-rows.js';
import type { ReadingStatement } from '../database/statements.js';
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
 * The same subjects as issuance holds them in its transaction: the enterprise it locked (not read
 * again), the plate, the crew's driver ids (their ID numbers' hashes are read by the blacklist's query).
 */
export interface ReadSanctionSubjects {
  enterprise: EnterpriseEntity;
  plate: string;
  crewDriverIds: readonly string[];
}

/** 黑名单 and 熔断: who may not receive passes, checked when an application is submitted and again when approved. */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectRepository(BlacklistEntryEntity) private readonly blacklist: Repository<BlacklistEntryEntity>,
    private readonly drivers: DriversService,
    private readonly enterprises: EnterprisesService,
    private readonly audit: AuditService,
  ) {}

  async addToBlacklist(actor: RequestActor, entry: BlacklistEntry): Promise<BlacklistEntryView> {
    const [subjectKey, subjectLabel] =
      entry.kind === 'driver'
        ? [this.drivers.idNumberLookupHash(entry.key), maskIdNumber(entry.key)]
        : [entry.key, entry.key];
    return this.blacklist.manager.transaction(async (manager) => {
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
    await this.blacklist.manager.transaction(async (manager) => {
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
    const entries = await this.blacklist.find({
      where: { liftedAt: IsNull() },
      order: { createdAt: 'DESC' },
      take: 1000,
    });
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

  async suspend(actor: RequestActor, { enterpriseId, until, reason }: Suspension): Promise<void> {
    await this.setSuspension(actor, enterpriseId, { until, reason });
  }

  async liftSuspension(actor: RequestActor, enterpriseId: string): Promise<void> {
    await this.setSuspension(actor, enterpriseId, null);
  }

  /** 熔断 set (until a day, for a reason) or lifted (null), audited with what it replaced. */
  private async setSuspension(
    actor: RequestActor,
    enterpriseId: string,
    suspension: { until: string; reason: string } | null,
  ): Promise<void> {
    await this.blacklist.manager.transaction(async (manager) => {
      const enterprise = await this.enterprises.findById(manager, enterpriseId);
      if (!enterprise) throw new DomainException(ErrorCode.NotFound, '未找到该企业');
      const before = { suspendedUntil: enterprise.suspendedUntil, reason: enterprise.suspensionReason };
      await this.enterprises.setSuspension(manager, enterprise, suspension?.until ?? null, suspension?.reason ?? null);
      await this.audit.record(manager, actor, {
        action: suspension ? 'enterprise.suspend' : 'enterprise.lift_suspension',
        entityType: 'enterprise',
        entityId: enterprise.id,
        before,
        ...(suspension ? { after: { suspendedUntil: suspension.until, reason: suspension.reason } } : {}),
      });
    });
  }

  /** Blacklist entries in force against the application's enterprise, vehicle or crew. */
  async hits(subjects: SanctionSubjects, manager: EntityManager = this.blacklist.manager): Promise<BlacklistHit[]> {
    const enterprise = await this.enterprises.getById(manager, subjects.enterpriseId);
    return this.hitsOf(manager, enterprise, subjects);
  }

  /** Refuses issuance to a suspended or blacklisted subject, naming which. */
  async assertClear(subjects: SanctionSubjects, manager: EntityManager): Promise<void> {
    const enterprise = await this.enterprises.getById(manager, subjects.enterpriseId);
    assertNotSuspended(enterprise);
    assertNoHit(await this.hitsOf(manager, enterprise, subjects));
  }

  /**
   * assertClear for subjects the caller holds in its transaction, as a statement (the blacklist's query)
   * that refuses when read: issuance sends it with its other reads in one round trip (readStatements).
   */
  clearanceStatement(subjects: ReadSanctionSubjects): ReadingStatement<void> {
    const hits = this.hitsStatement(subjects.enterprise, subjects);
    return {
      ...hits,
      read: (rows) => {
        assertNotSuspended(subjects.enterprise);
        assertNoHit(hits.read(rows));
      },
    };
  }

  private async hitsOf(
    manager: EntityManager,
    enterprise: EnterpriseEntity,
    subjects: SanctionSubjects,
  ): Promise<BlacklistHit[]> {
    const statement = this.hitsStatement(enterprise, subjects);
    return statement.read(await manager.query(statement.sql, statement.params));
  }

  /**
   * The entries in force against the enterprise's credit code, the plate and the crew's ID-number
   * hashes, each among the entries of its kind (the kinds' keys never look alike: 18 characters, a
   * plate, a 64-digit digest), so that each SELECT is a lookup in idx_blacklist_entries_key (kind,
   * subject_key). The crew's hashes come from a subquery of the drivers module's: the statement needs
   * no answer of another first, and goes in the approval's one round trip of reads. A plain statement,
   * not find(): every approval runs it, and building and hydrating the query cost more CPU than
   * running it (docs/scaling.md §4.3).
   */
  private hitsStatement(
    enterprise: EnterpriseEntity,
    subjects: { plate: string | null; crewDriverIds: readonly string[] },
  ): ReadingStatement<BlacklistHit[]> {
    const entries = (kind: BlacklistKind, key: Statement): Statement => ({
      sql: `SELECT kind, subject_label, reason, until FROM blacklist_entries
            WHERE kind = ? AND subject_key ${key.sql} AND lifted_at IS NULL`,
      params: [kind, ...key.params],
    });
    const selects = [entries('enterprise', { sql: '= ?', params: [enterprise.creditCode] })];
    if (subjects.plate) selects.push(entries('vehicle', { sql: '= ?', params: [subjects.plate] }));
    if (subjects.crewDriverIds.length > 0) {
      const hashes = this.drivers.idNumberHashesQuery(subjects.crewDriverIds);
      selects.push(entries('driver', { sql: `IN (${hashes.sql})`, params: hashes.params }));
    }
    return {
      sql: selects.map((s) => s.sql).join('\nUNION ALL '),
      params: selects.flatMap((s) => s.params),
      read: (rows) =>
        (rows as { kind: BlacklistKind; subject_label: string; reason: string; until: string | Date | null }[])
          .map((e) => ({ kind: e.kind, label: e.subject_label, reason: e.reason, until: e.until && sqlDate(e.until) }))
          .filter((hit) => inForce(hit)),
    };
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

function inForce(entry: { until: string | null }): boolean {
  return !entry.until || entry.until >= chinaToday();
}

function toView(e: BlacklistEntryEntity): BlacklistEntryView {
  return { ...recordView(e), kind: e.kind, label: e.subjectLabel, reason: e.reason, until: e.until };
}
