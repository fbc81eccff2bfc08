import { Inject, Injectable } from '@nestjs/common';
import {
  coveredRegionCodes,
  type EnterpriseView,
  ErrorCode,
  type enterpriseUpdateSchema,
  type FleetManagerRegistration,
  jurisdictionCodeAt,
  type ReviewDetail,
  type ReviewLevel,
  Role,
  type SearchTerm,
  type z,
} from '@pass/shared';
import { DataSource, type EntityManager, EntityNotFoundError, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { lockClause } from '../database/locks.js';
import { hydrate, selectList } from '../database/plain-rows.js';
import type { ReadingStatement } from '../database/statements.js';
import { searchMatchLimit, whereStartsWith } from '../database/text-search.js';
import { WhitelistService } from '../whitelist/whitelist.service.js';
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
    private readonly whitelist: WhitelistService,
    private readonly audit: AuditService,
  ) {}

  /** A newly signed-up enterprise, unverified, saved in the sign-up's transaction (see AccountsService.register). */
  createUnverified(
    manager: EntityManager,
    enterprise: FleetManagerRegistration['enterprise'],
  ): Promise<EnterpriseEntity> {
    return manager.save(manager.create(EnterpriseEntity, { ...enterprise, verifiedAt: null }));
  }

  /**
   * The applicant of an application, locked for the issuing transaction (see issuance-guards.ts).
   * `exclusive` when the province caps active passes per enterprise: its passes are then issued one at
   * a time, so the count holds. Otherwise shared: approvals of one enterprise run together, and a
   * suspension (which writes the row) still waits for those in flight, and they for it. A statement,
   * for the approval to send with its application's locking read in one round trip, and so found by
   * joining the application (already locked by then), not by a subquery, which would be a plain read;
   * plain SQL on the issuance path (see plain-rows.ts for why).
   */
  issuanceLock(manager: EntityManager, applicationId: string, exclusive: boolean): ReadingStatement<EnterpriseEntity> {
    const lock = lockClause(manager, exclusive ? 'write' : 'read');
    return {
      sql: `SELECT ${selectList(manager, EnterpriseEntity, 'e')}
       FROM applications a JOIN enterprises e ON e.id = a.enterprise_id WHERE a.id = ?${lock}`,
      params: [applicationId],
      read: ([row]) => {
        if (!row) throw new EntityNotFoundError(EnterpriseEntity, { applicationId });
        return hydrate(manager, EnterpriseEntity, row);
      },
    };
  }

  /** An enterprise read in the caller's transaction; it must exist (a foreign key says so). */
  getById(manager: EntityManager, id: string): Promise<EnterpriseEntity> {
    return manager.findOneByOrFail(EnterpriseEntity, { id });
  }

  findById(manager: EntityManager, id: string): Promise<EnterpriseEntity | null> {
    return manager.findOneBy(EnterpriseEntity, { id });
  }

  /** Enterprises whose issuance is stopped on this day or later (熔断), the soonest to end first. */
  suspendedOn(day: string): Promise<EnterpriseEntity[]> {
    return this.dataSource.getRepository(EnterpriseEntity).find({
      where: { suspendedUntil: MoreThanOrEqual(day) },
      order: { suspendedUntil: 'ASC' },
      take: 1000,
    });
  }

  /** Stops issuance to the enterprise until a day (or lifts it with null); the sanctions module decides. */
  async setSuspension(
    manager: EntityManager,
    enterprise: EnterpriseEntity,
    until: string | null,
    reason: string | null,
  ): Promise<void> {
    enterprise.suspendedUntil = until;
    enterprise.suspensionReason = reason;
    await manager.save(enterprise);
  }

  /** What a reviewer sees of the applicant (whitelisting is the application's own snapshot). */
  async summary(id: string): Promise<Omit<ReviewDetail['enterprise'], 'whitelisted' | 'whitelistSource'>> {
    const e = await this.dataSource.getRepository(EnterpriseEntity).findOneByOrFail({ id });
    return {
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      verified: e.verifiedAt !== null,
      suspendedUntil: e.suspendedUntil,
    };
  }

  /** The names of these enterprises by id, for lists that show the applicant (the review queue). */
  async namesById(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(EnterpriseEntity).find({
      select: { id: true, name: true },
      where: { id: In([...new Set(ids)]) },
    });
    return new Map(rows.map((e) => [e.id, e.name]));
  }

  /**
   * The enterprises a search names, for a list to narrow itself to: the one with a credit code, or the
   * first (by name) of those whose name begins with the text, from `uq_enterprises_credit_code` and
   * `idx_enterprises_name`; none for a plate or a pass number.
   */
  async idsMatching(term: SearchTerm): Promise<string[]> {
    if (term.kind !== 'creditCode' && term.kind !== 'name') return [];
    const query = this.dataSource.getRepository(EnterpriseEntity).createQueryBuilder('e').select('e.id', 'id');
    if (term.kind === 'creditCode') query.where('e.credit_code = :code', { code: term.text });
    else whereStartsWith(query, 'e.name', term.text).orderBy('e.name', 'ASC').limit(searchMatchLimit);
    return (await query.getRawMany<{ id: string }>()).map((row) => row.id);
  }

  async creditCodeTaken(creditCode: string): Promise<boolean> {
    return this.dataSource.getRepository(EnterpriseEntity).existsBy({ creditCode });
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
    // A county or city official's enterprises are read by their district codes (`idx_enterprises_district`),
    // not taken from the first thousand of the province and filtered here.
    const jurisdiction = actor.jurisdictionCode ?? '';
    const byDistrict = actor.role === Role.Official && !jurisdiction.endsWith('0000');
    const all = await this.dataSource.getRepository(EnterpriseEntity).find({
      where: {
        ...(pendingOnly ? { verifiedAt: IsNull() } : {}),
        ...(byDistrict ? { districtCode: In(coveredRegionCodes(jurisdiction)) } : {}),
      },
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

  private whitelistedCodes(creditCodes: string[]): Promise<Set<string>> {
    return this.whitelist.listedAmong(creditCodes);
  }
}
