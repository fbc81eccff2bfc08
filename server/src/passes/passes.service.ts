import { Inject, Injectable } from '@nestjs/common';
import type { PassShareResult, PassView, PlateColour, SignedDocument } from '@pass/shared';
import {
  assertPassTransition,
  chinaToday,
  coveredRegionCodes,
  ErrorCode,
  encodePageCursor,
  findMaterialCategory,
  type Page,
  type PageCursor,
  Role,
  type SearchTerm,
} from '@pass/shared';
import { DataSource, type EntityManager, In, MoreThanOrEqual, type SelectQueryBuilder } from 'typeorm';
import type { ApplicationEntity } from '../applications/application.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { jurisdictionPattern } from '../common/jurisdiction.js';
import { pageOf } from '../common/page.js';
import { sqlDateTime } from '../common/sql-dates.js';
import { writeLock } from '../database/locks.js';
import { branchSql, compareIds, inOrderOf, mergeBranches, runBranches } from '../database/ordered-branches.js';
import type { Statement } from '../database/plain-rows.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { PassDocumentService } from '../pass-documents/pass-document.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { VehiclesService } from '../vehicles/vehicles.service.js';
import {
  coveredCodeBranches,
  enterpriseCodeBranches,
  type ListBranch,
  type ListScope,
} from './covered-code-branches.js';
import { IssuanceService, type IssuedPass } from './issuance.service.js';
import type { IssuanceGuardLocks, IssuanceGuards } from './issuance-guards.js';
import { type IssuedCounts, IssuedDayCounts, type IssuedScope } from './issued-day-counts.js';
import { PassEntity } from './pass.entity.js';
import { toPassView } from './pass.view.js';
import { PassCrew } from './pass-crew.js';
import { PassNotices } from './pass-notices.js';
import { canSeePass } from './pass-scope.js';
import { StatusListService } from './status-list.service.js';
import type { StatusSnapshot } from './status-snapshots.js';

/** What an approval locked first, for issue() (ReviewsService holds it between the two). */
export type { IssuanceGuards } from './issuance-guards.js';

export type { StatusSnapshot } from './status-snapshots.js';

/** Issued passes as their holders and issuers see them, their QR and PDF, and revocation. */
@Injectable()
export class PassesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly documents: PassDocumentService,
    private readonly audit: AuditService,
    private readonly statusList: StatusListService,
    private readonly issuance: IssuanceService,
    private readonly quotas: QuotasService,
    private readonly departments: DepartmentsService,
    private readonly notices: PassNotices,
    private readonly crew: PassCrew,
    private readonly enterprises: EnterprisesService,
    private readonly vehicles: VehiclesService,
    private readonly issuedDays: IssuedDayCounts,
  ) {}

  /**
   * Issues the pass of an application approved at its last level, in the approval's transaction, with
   * what issuanceGuardLocks locked at its start; `ahead`, the caller's writes that need not wait for
   * the issuer's serial, are run before it is taken (IssuanceService.issue).
   */
  issue(
    manager: EntityManager,
    app: ApplicationEntity,
    official: RequestActor,
    guards: IssuanceGuards | null,
    ahead: readonly Statement[] = [],
  ): Promise<IssuedPass> {
    return this.issuance.issue(manager, app, official, guards, ahead);
  }

  /**
   * The row locks an approval takes with its application's locking read, before it reads anything
   * else (see issuance-guards.ts): ApplicationsService.lockForDecision sends them; issue() is handed
   * what they answer.
   */
  issuanceGuardLocks(manager: EntityManager, applicationId: string): Promise<IssuanceGuardLocks> {
    return this.issuance.guardLocks(manager, applicationId);
  }

  /** The signed revocation status list checkpoints carry offline, in full or since a version. */
  statusListUpdate(since?: number): Promise<SignedDocument> {
    return this.statusList.signedUpdate(since);
  }

  /**
   * Every pass's revocation status from this process's copy, no older than a second (or than a change
   * this process made): online verification asks it per request without a database query.
   */
  statusSnapshot(): Promise<StatusSnapshot> {
    return this.statusList.statusSnapshot();
  }

  /** The same copy read again now, for a pass issued after it was read. */
  refreshedStatusSnapshot(): Promise<StatusSnapshot> {
    return this.statusList.refreshedStatusSnapshot();
  }

  findByNumber(passNumber: string): Promise<PassEntity | null> {
    return this.dataSource.getRepository(PassEntity).findOneBy({ passNumber });
  }

  findByIds(ids: string[]): Promise<PassEntity[]> {
    return this.dataSource.getRepository(PassEntity).findBy({ id: In(ids) });
  }

  /**
   * The ids of the passes with these numbers, locked in number order for the caller's transaction:
   * scan uploads touching the same pass take turns (see ScansService.upload).
   */
  async lockIdsByNumber(manager: EntityManager, passNumbers: string[]): Promise<Map<string, string>> {
    const rows =
      passNumbers.length === 0
        ? []
        : await manager.find(PassEntity, {
            select: { id: true, passNumber: true },
            where: { passNumber: In(passNumbers) },
            order: { passNumber: 'ASC' },
            lock: writeLock(manager),
          });
    return new Map(rows.map((p) => [p.passNumber, p.id]));
  }

  /** Active passes of a plate that are still valid today (a reviewer sees them beside the application). */
  activeForPlate(plate: string, plateColour: PlateColour): Promise<PassEntity[]> {
    return this.dataSource.getRepository(PassEntity).findBy({
      plate,
      plateColour,
      status: 'active',
      validTo: MoreThanOrEqual(chinaToday()),
    });
  }

  urlOf(pass: PassEntity): string {
    return this.documents.urlOf(pass.tokenDigits);
  }

  view(pass: PassEntity): PassView {
    return toPassView(pass, this.urlOf(pass));
  }

  /**
   * The ids of the passes a jurisdiction may see (its authorities reviewed them first or issued them), as
   * a subquery another module narrows its own list with (`x.pass_id IN (…)`) instead of reading this table.
   */
  idsInJurisdiction(jurisdictionCode: string): SelectQueryBuilder<PassEntity> {
    return this.dataSource
      .getRepository(PassEntity)
      .createQueryBuilder('scoped_pass')
      .select('scoped_pass.id')
      .where('(scoped_pass.routing_county LIKE :passScope OR scoped_pass.issuer_code LIKE :passScope)', {
        passScope: jurisdictionPattern(jurisdictionCode),
      });
  }

  /**
   * The passes issued in a range of China dates, in a jurisdiction's scope (every pass when it is null):
   * the query the statistics export, built here so that no other module reads this table.
   */
  issuedIn(range: { from: string; to: string }, jurisdictionCode: string | null): SelectQueryBuilder<PassEntity> {
    const query = this.issuedDays.issued(range);
    issuedScope(jurisdictionCode)(query as SelectQueryBuilder<object>, 'p');
    return query;
  }

  /** The passes issued per China date and per category in a range and scope (see IssuedDayCounts). */
  issuedCounts(range: { from: string; to: string }, jurisdictionCode: string | null): Promise<IssuedCounts> {
    return this.issuedDays.counts(range, issuedScope(jurisdictionCode));
  }

  /**
   * A fleet manager's own passes, those an official's jurisdiction reviewed or issued, or those a crew
   * member rides on; newest first.
   * Each query reads one page in `issued_at` order from one index: the enterprise's
   * (`idx_passes_enterprise`), everything (`idx_passes_issued`, for admins and province officials, whose
   * province is every pass a deployment holds), or for a county or city one branch per covered code on
   * `idx_passes_routing` and `idx_passes_issuer`, merged here; then the page's rows by id. A search reads
   * by what it names instead (see `searchBranches`), within the same scope.
   */
  async list(actor: RequestActor, after?: PageCursor, limit = 20, search?: SearchTerm): Promise<Page<PassView>> {
    const repo = this.dataSource.getRepository(PassEntity);
    const scope = scopeOf(actor, actor.role === Role.Crew ? await this.crew.passIdsOf(actor.phone) : []);
    let rows: PassEntity[];
    const jurisdiction = actor.jurisdictionCode ?? '';
    if (search || readsPerCoveredCode(actor)) {
      const branches = search ? await this.searchBranches(actor, search, scope) : coveredCodeBranches(jurisdiction);
      const keys = mergeBranches(
        await runBranches<{ id: string; issuedAt: string | Date }>(
          this.dataSource,
          branches.map((branch) => ({
            sql: this.branchSql(branch, after, limit),
            parameters: {
              ...branch.parameters,
              ...branch.scope?.parameters,
              ...(after ? { at: after.createdAt, id: after.id } : {}),
            },
          })),
        ),
        (x, y) => sqlDateTime(y.issuedAt).getTime() - sqlDateTime(x.issuedAt).getTime() || compareIds(y.id, x.id),
        limit + 1,
      );
      const ids = keys.map((k) => k.id);
      rows = ids.length === 0 ? [] : inOrderOf(ids, await repo.findBy({ id: In(ids) }));
    } else {
      const query = repo.createQueryBuilder('p');
      if (scope) query.where(scope.where, scope.parameters);
      rows = await newestFirst(query, after)
        .take(limit + 1)
        .getMany();
    }
    return pageOf(
      rows,
      limit,
      (p) => this.view(p),
      (last) => encodePageCursor(last.issuedAt, last.id),
    );
  }

  /** A list branch's SQL, built once per shape (ordered-branches.ts `branchSql`); its values are the caller's. */
  private branchSql({ where, index, scope }: ListBranch, after: PageCursor | undefined, limit: number): string {
    const shape = JSON.stringify(['passes', where, index, scope?.where ?? null, after !== undefined, limit]);
    return branchSql(this.dataSource, shape, () => {
      const query = this.dataSource
        .getRepository(PassEntity)
        .createQueryBuilder('p')
        // MySQL only: it can pick `idx_passes_issued` backwards for ORDER BY … LIMIT instead.
        .useIndex(index)
        .select('p.id', 'id')
        .addSelect('p.issued_at', 'issuedAt')
        .where(where);
      if (scope) query.andWhere(scope.where);
      return newestFirst(query, after)
        .limit(limit + 1)
        .getQuery();
    });
  }

  /**
   * A search's branches, one per thing it names, each an equality on an index whose next column is
   * `issued_at` or whose rows are few, narrowed to the actor's scope: a pass number (`uq_passes_number`);
   * a plate (`idx_passes_plate`; a plate's beginning stands for the first few registered plates starting
   * with it); an enterprise by credit code or the beginning of its name, for officials and admins. A
   * county's or city's official reads an enterprise's passes one branch per covered code, as the
   * unsearched list does (`idx_passes_enterprise_routing`, `idx_passes_enterprise_issuer`): filtering
   * `idx_passes_enterprise` to the jurisdiction read every pass a big enterprise has elsewhere. Others
   * read `idx_passes_enterprise`. A fleet manager searches its own passes by plate or pass number.
   */
  private async searchBranches(actor: RequestActor, search: SearchTerm, scope: ListScope): Promise<ListBranch[]> {
    const fleet = actor.role === Role.FleetManager ? (actor.enterpriseId ?? '') : undefined;
    const by = (where: string, index: string, keys: string[]) =>
      keys.map((key) => ({ where, index, parameters: { key }, scope }));
    switch (search.kind) {
      case 'passNumber':
        return by('p.pass_number = :key', 'uq_passes_number', [search.text]);
      case 'plate': {
        const plates = search.complete
          ? [search.text]
          : [...new Set((await this.vehicles.matching(search, fleet)).map((v) => v.plate))];
        return by('p.plate = :key', 'idx_passes_plate', plates);
      }
      default: {
        if (fleet !== undefined) return [];
        const enterprises = await this.enterprises.idsMatching(search);
        return readsPerCoveredCode(actor)
          ? enterpriseCodeBranches(this.dataSource, actor.jurisdictionCode ?? '', enterprises)
          : by('p.enterprise_id = :key', 'idx_passes_enterprise', enterprises);
      }
    }
  }

  async get(actor: RequestActor, id: string): Promise<PassEntity> {
    const pass = await this.dataSource.getRepository(PassEntity).findOneBy({ id });
    const visible =
      pass && (actor.role === Role.Crew ? await this.crew.rides(actor.phone, pass.id) : canSeePass(actor, pass));
    if (!visible) throw new DomainException(ErrorCode.PassNotFound);
    return pass;
  }

  /** A fleet manager sends the pass's crew a text telling them where to open it (see PassCrew.share). */
  async share(actor: RequestActor, id: string): Promise<PassShareResult> {
    return this.crew.share(actor, await this.get(actor, id));
  }

  async pdf(pass: PassEntity): Promise<Buffer> {
    const department = await this.departments.forIssuer(pass.issuerCode);
    return this.documents.pdf(
      {
        passNumber: pass.passNumber,
        plate: pass.plate,
        plateColour: pass.plateColour,
        originCode: pass.originCode,
        destinationCode: pass.destinationCode,
        waypointCodes: pass.waypointCodes,
        materialCategory: pass.materialCategory,
        materialCategoryName: findMaterialCategory(pass.materialCategory, [])?.name,
        materialDescription: pass.materialDescription,
        validFrom: pass.validFrom,
        validTo: pass.validTo,
        crew: pass.crew.map((c) => ({ name: c.name, idNumber: c.idNumberMasked, role: c.role })),
        issuerName: pass.issuingDepartment,
        ...(department ? { issuerPhone: department.dutyPhone } : {}),
        issuedAt: pass.issuedAt.toISOString(),
      },
      this.urlOf(pass),
    );
  }

  /** Revokes a pass; one revoked before its first day gives its quota back to the jurisdiction. */
  async revoke(actor: RequestActor, id: string, reason: string): Promise<PassView> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const pass = await this.get(actor, id);
      assertPassTransition({ ...pass, status: pass.status }, 'revoke', actor);
      const result = await manager.update(
        PassEntity,
        { id: pass.id, status: 'active' },
        { status: 'revoked', endedAt: new Date(), endReason: reason, updatedAt: new Date() },
      );
      if (result.affected !== 1) throw new DomainException(ErrorCode.StaleVersion);
      // Quota before the status-list counter: the order issuance takes them in, so the two cannot deadlock.
      if (pass.quotaJurisdiction && pass.quotaPeriod && chinaToday() < pass.validFrom) {
        await this.quotas.refund(manager, pass.quotaJurisdiction, pass.quotaPeriod);
      }
      await this.statusList.recordChange(manager, pass.statusIndex, 'revoked');
      await this.audit.record(manager, actor, {
        action: 'pass.revoke',
        entityType: 'pass',
        entityId: pass.id,
        before: { status: 'active' },
        after: { status: 'revoked', reason },
      });
      await this.notices.revoked(manager, pass, reason);
      return manager.findOneByOrFail(PassEntity, { id: pass.id });
    });
    return this.view(revoked);
  }
}

/** A county's or city's official: its passes are read per covered code (a province's are every pass). */
function readsPerCoveredCode(actor: RequestActor): boolean {
  return actor.role === Role.Official && !(actor.jurisdictionCode ?? '').endsWith('0000');
}

/** Newest first from a keyset position: (issued_at, id) descending. */
function newestFirst<Q extends SelectQueryBuilder<PassEntity>>(query: Q, after?: PageCursor): Q {
  if (after) {
    query.andWhere('(p.issued_at < :at OR (p.issued_at = :at AND p.id < :id))', { at: after.createdAt, id: after.id });
  }
  query.orderBy('p.issued_at', 'DESC').addOrderBy('p.id', 'DESC');
  return query;
}

/**
 * A jurisdiction's passes (those its authorities reviewed first or issued) as a condition on a table's
 * `routing_county` and `issuer_code`; none for null (an admin). A province is every pass its deployment
 * holds: the date range decides. Otherwise equalities, not LIKE: each covered code's range of
 * idx_passes_routing and idx_passes_issuer is cut to the dates (index merge).
 */
function issuedScope(jurisdictionCode: string | null): IssuedScope {
  return (query, alias) => {
    if (jurisdictionCode === null) return;
    const [routing, issuer] = [`${alias}.routing_county`, `${alias}.issuer_code`];
    if (jurisdictionCode.endsWith('0000')) {
      query.andWhere(`(${routing} LIKE :prefix OR ${issuer} LIKE :prefix)`, {
        prefix: jurisdictionPattern(jurisdictionCode),
      });
    } else {
      query.andWhere(`(${routing} IN (:...codes) OR ${issuer} IN (:...codes))`, {
        codes: coveredRegionCodes(jurisdictionCode),
      });
    }
  };
}

/**
 * The passes an actor may list, as a condition (none for an admin): a fleet manager its enterprise's, an
 * official those its jurisdiction reviewed first or issued (a province by prefix: every pass a
 * deployment holds; a county or city by its covered codes).
 */
/** Where the actor's passes are; a crew member's are the few they ride on (found by index, pass_crew_members). */
function scopeOf(actor: RequestActor, crewPassIds: string[]): ListScope {
  const jurisdiction = actor.jurisdictionCode ?? '';
  switch (actor.role) {
    case Role.Admin:
      return null;
    case Role.FleetManager:
      return { where: 'p.enterprise_id = :enterpriseId', parameters: { enterpriseId: actor.enterpriseId ?? '' } };
    case Role.Official:
      if (jurisdiction.endsWith('0000')) {
        const prefix = jurisdictionPattern(jurisdiction);
        return { where: '(p.routing_county LIKE :prefix OR p.issuer_code LIKE :prefix)', parameters: { prefix } };
      }
      return {
        where: '(p.routing_county IN (:...codes) OR p.issuer_code IN (:...codes))',
        parameters: { codes: coveredRegionCodes(jurisdiction) },
      };
    case Role.Crew:
      return { where: crewPassIds.length ? 'p.id IN (:...crewPassIds)' : '1 = 0', parameters: { crewPassIds } };
    default:
      throw new DomainException(ErrorCode.Forbidden);
  }
}
