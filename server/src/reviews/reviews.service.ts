import { Inject, Injectable } from '@nestjs/common';
import type { BatchApproveResult, QueueItem, QueuePage, ReviewCounters, ReviewDetail } from '@pass/shared';
import {
  type ApplicationView,
  type BatchApproveRequest,
  chinaToday,
  ErrorCode,
  encodeQueueCursor,
  quotaPeriodKey,
  type ReviewDecision,
  Role,
  type SearchTerm,
  TransitionError,
} from '@pass/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity.js';
import { toApplicationView } from '../applications/application.view.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { pageOf } from '../common/page.js';
import { sqlDate, sqlDateTime } from '../common/sql-dates.js';
import { compareIds, inOrderOf, mergeBranches, runBranches } from '../database/ordered-branches.js';
import { DriversService } from '../drivers/drivers.service.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { PassesService } from '../passes/passes.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { SanctionsService } from '../sanctions/sanctions.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { VehicleEntity } from '../vehicles/vehicle.entity.js';
import { VehiclesService } from '../vehicles/vehicles.service.js';
import type { QueueFilter } from './review.views.js';
import { StepCountsCache } from './step-counts.js';

/** The officials' side of an application: the queue at their step, what helps decide, and the decision. */
@Injectable()
export class ReviewsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly applications: ApplicationsService,
    private readonly enterprises: EnterprisesService,
    private readonly vehicles: VehiclesService,
    private readonly drivers: DriversService,
    private readonly attachments: AttachmentsService,
    private readonly quotas: QuotasService,
    private readonly passes: PassesService,
    private readonly sanctions: SanctionsService,
  ) {
    this.stepCounts = new StepCountsCache(dataSource, ApplicationEntity);
  }

  /** Each step's counters, kept a few seconds (see step-counts.ts). */
  private readonly stepCounts: StepCountsCache;

  /**
   * Applications awaiting this official's step, plus those overdue one step below (escalated), oldest
   * first; whitelisted enterprises first when asked. Keyset-paginated on (whitelisted, submitted_at, id).
   * First the page's keys: four index-ordered, limited branches (this step's and the escalated, each
   * for whitelisted and not), read from the applications table alone and merged here. Then the
   * enterprise and vehicle of those rows only: a join inside the branches lets MySQL start from
   * `enterprises` and walk every application (110 s at a million rows, docs/scaling.md §6.1).
   */
  async queue(actor: RequestActor, filter: QueueFilter): Promise<QueuePage> {
    const { jurisdiction, level } = scopeOf(actor);
    const now = new Date();
    const search = filter.q ? await this.searchedKeys(filter.q) : undefined;
    if (search?.values.length === 0) return { items: [], nextCursor: null };
    const keys = mergeBranches(
      await runBranches<RawQueueKey>(this.dataSource, this.queueBranches(jurisdiction, level, filter, now, search)),
      (x, y) => compareQueueKeys(x, y, filter.whitelistFirst),
      filter.limit + 1,
    );
    const ids = keys.map((k) => k.id);
    const details =
      ids.length === 0
        ? []
        : await this.dataSource
            .getRepository(ApplicationEntity)
            .createQueryBuilder('a')
            .innerJoin(EnterpriseEntity, 'e', 'e.id = a.enterprise_id')
            .leftJoin(VehicleEntity, 'v', 'v.id = a.vehicle_id')
            .select(['a.id AS id', 'a.status AS status', 'a.material_category AS category'])
            .addSelect(['a.submitted_at AS submittedAt', 'a.due_at AS dueAt', 'a.whitelisted AS whitelisted'])
            .addSelect(['a.current_level AS currentLevel', 'a.current_jurisdiction AS currentJurisdiction'])
            .addSelect(['a.valid_from AS validFrom', 'a.valid_to AS validTo'])
            .addSelect(['e.name AS enterpriseName', 'v.plate AS plate', 'v.plate_colour AS plateColour'])
            .where('a.id IN (:...ids)', { ids })
            .getRawMany<RawQueueRow>();
    return pageOf(
      inOrderOf(ids, details),
      filter.limit,
      (row) => toQueueItem(row, jurisdiction, level, now),
      (last) =>
        encodeQueueCursor({
          w: Number(last.whitelisted) ? 1 : 0,
          t: sqlDateTime(last.submittedAt).toISOString(),
          id: last.id,
        }),
    );
  }

  /**
   * What a search in the queue stands for: the vehicles of a plate or of a pass (the same truck's
   * applications), or the enterprises of a credit code or a name's beginning (a few at most).
   */
  private async searchedKeys(term: SearchTerm): Promise<SearchedKeys> {
    switch (term.kind) {
      case 'plate':
        return { column: 'vehicle', values: (await this.vehicles.matching(term)).map((v) => v.id) };
      case 'passNumber': {
        const pass = await this.passes.findByNumber(term.text);
        return { column: 'vehicle', values: pass ? [pass.vehicleId] : [] };
      }
      default:
        return { column: 'enterprise', values: await this.enterprises.idsMatching(term) };
    }
  }

  /**
   * The queue's branches, each answered in order from one index: this step's
   * (`idx_applications_queue_whitelist`, or `…_queue_category` with a category) and the escalated
   * (`idx_applications_escalation_whitelist`, or `…_escalation_category`), each for whitelisted = 1
   * and = 0. The cursor's condition goes into each; a branch wholly before the cursor is left out.
   * A search adds the vehicle or enterprise to each, one branch per one searched, on
   * `idx_applications_queue_vehicle` (`…_enterprise`) and `idx_applications_escalation_vehicle` (…).
   */
  private queueBranches(jurisdiction: string, level: string, filter: QueueFilter, now: Date, search?: SearchedKeys) {
    const indexOf = (scope: 'queue' | 'escalation') =>
      `idx_applications_${scope}_${search?.column ?? (filter.category ? 'category' : 'whitelist')}`;
    const scopes = [
      { where: 'a.current_jurisdiction = :jurisdiction AND a.current_level = :level', index: indexOf('queue') },
      {
        where: 'a.escalation_jurisdiction = :jurisdiction AND a.escalation_level = :level AND a.due_at < :now',
        index: indexOf('escalation'),
      },
    ];
    const branches = [];
    for (const scope of scopes) {
      for (const [w, key] of [1, 0].flatMap((w) => (search?.values ?? [null]).map((key) => [w, key] as const))) {
        const cursor = filter.cursor;
        // Whitelisted first: whitelisted rows all come before the others, so a cursor among the others
        // leaves no whitelisted row to show, and one among the whitelisted keeps every other row.
        if (filter.whitelistFirst && cursor && w > cursor.w) continue;
        const keyset = cursor && !(filter.whitelistFirst && w < cursor.w);
        const query = this.dataSource
          .getRepository(ApplicationEntity)
          .createQueryBuilder('a')
          .select('a.id', 'id')
          .addSelect('a.submitted_at', 'submittedAt')
          .addSelect('a.whitelisted', 'whitelisted')
          // MySQL only (TypeORM leaves it out elsewhere): with `due_at < now` it may otherwise range over
          // every overdue row by `idx_applications_escalation_due` and sort them all.
          .useIndex(scope.index)
          .where(scope.where, { jurisdiction, level, now })
          .andWhere('a.whitelisted = :w', { w });
        if (search && key) query.andWhere(`a.${search.column}_id = :key`, { key });
        if (filter.category) query.andWhere('a.material_category = :category', { category: filter.category });
        if (filter.overdueOnly) query.andWhere('a.due_at < :now', { now });
        if (cursor && keyset) {
          query.andWhere('(a.submitted_at > :t OR (a.submitted_at = :t AND a.id > :id))', {
            t: new Date(cursor.t),
            id: cursor.id,
          });
        }
        branches.push(
          query
            .orderBy('a.submitted_at', 'ASC')
            .addOrderBy('a.id', 'ASC')
            .limit(filter.limit + 1),
        );
      }
    }
    return branches;
  }

  async counters(actor: RequestActor): Promise<ReviewCounters> {
    const { jurisdiction, level } = scopeOf(actor);
    const now = new Date();
    const { waiting, overdue, escalated } = await this.stepCounts.get(jurisdiction, level, async () => {
      const repo = this.dataSource.getRepository(ApplicationEntity);
      const mine = repo
        .createQueryBuilder('a')
        .where('a.current_jurisdiction = :jurisdiction AND a.current_level = :level', { jurisdiction, level });
      const [waiting, overdue, escalated] = await Promise.all([
        mine.clone().getCount(),
        mine.clone().andWhere('a.due_at < :now', { now }).getCount(),
        repo
          .createQueryBuilder('a')
          .where('a.escalation_jurisdiction = :jurisdiction AND a.escalation_level = :level AND a.due_at < :now', {
            jurisdiction,
            level,
            now,
          })
          .getCount(),
      ]);
      return { waiting, overdue, escalated };
    });
    const { quota } = await this.settings.current();
    let quotaLeft: number | null = null;
    if (quota.enabled) {
      quotaLeft = await this.quotas.left(jurisdiction, quotaPeriodKey(chinaToday(), quota.period));
    }
    return { waiting, overdue, escalated, quotaLeft };
  }

  async detail(actor: RequestActor, id: string): Promise<ReviewDetail> {
    const app = await this.findInScope(actor, id);
    const enterprise = await this.enterprises.summary(app.enterpriseId);
    const vehicle = app.vehicleId ? await this.vehicles.viewById(app.vehicleId) : null;
    const otherPasses = vehicle ? await this.passes.activeForPlate(vehicle.plate, vehicle.plateColour) : [];
    return {
      application: toApplicationView(app, actor),
      enterprise: { ...enterprise, whitelisted: app.whitelisted },
      vehicle,
      crew: await this.drivers.viewsById(app.crewDriverIds),
      attachments: await this.attachments.viewsById(app.attachmentIds),
      vehicleActivePasses: otherPasses.map((p) => ({
        passNumber: p.passNumber,
        validFrom: p.validFrom,
        validTo: p.validTo,
      })),
      blacklistHits: await this.sanctions.hits({
        enterpriseId: app.enterpriseId,
        plate: vehicle?.plate ?? null,
        crewDriverIds: app.crewDriverIds,
      }),
      overdue: app.dueAt !== null && app.dueAt < new Date(),
      dueAt: app.dueAt?.toISOString() ?? null,
      history: await this.applications.history(app.id),
    };
  }

  async attachment(actor: RequestActor, applicationId: string, attachmentId: string) {
    const app = await this.findInScope(actor, applicationId);
    const content = app.attachmentIds.includes(attachmentId) ? await this.attachments.contentById(attachmentId) : null;
    if (!content) throw new DomainException(ErrorCode.NotFound, '未找到该附件');
    return content;
  }

  /** Approve (issuing the pass at the last level), reject or return, as one transaction. */
  async decide(
    actor: RequestActor,
    id: string,
    decision: ReviewDecision,
  ): Promise<ApplicationView & { passId?: string }> {
    let passId: string | undefined;
    const find = (manager: EntityManager) => this.findForDecision(manager, id);
    let updated: ApplicationEntity;
    if (decision.decision === 'approve') {
      updated = await this.applications.transition(actor, 'approve', {
        lockFirst: (manager) => this.passes.lockIssuanceGuards(manager, id),
        find,
        notes: { comment: decision.comment, internalNote: decision.internalNote },
        afterwards: async (app, manager) => {
          if (app.status === 'approved') passId = (await this.passes.issue(manager, app, actor)).id;
        },
      });
    } else if (decision.decision === 'reject') {
      updated = await this.applications.transition(actor, 'reject', {
        find,
        notes: { comment: decision.reason, internalNote: decision.internalNote },
        prepare: async () => ({ lastReason: decision.reason }),
      });
    } else {
      updated = await this.applications.transition(actor, 'return', {
        find,
        notes: { comment: decision.reason, internalNote: decision.internalNote, fieldsToFix: decision.fieldsToFix },
        prepare: async () => ({ lastReason: decision.reason, fieldsToFix: decision.fieldsToFix ?? [] }),
      });
    }
    return { ...toApplicationView(updated, actor), ...(passId ? { passId } : {}) };
  }

  /** Each application is decided on its own: one refused does not stop the others. */
  async batchApprove(actor: RequestActor, request: BatchApproveRequest): Promise<BatchApproveResult[]> {
    const results: BatchApproveResult[] = [];
    for (const id of request.applicationIds) {
      try {
        const decided = await this.decide(actor, id, { decision: 'approve', comment: request.comment });
        results.push({ id, ok: true, status: decided.status, passId: decided.passId ?? null });
      } catch (error) {
        if (!(error instanceof DomainException || error instanceof TransitionError)) throw error;
        results.push({ id, ok: false, code: error.code, message: error.message });
      }
    }
    return results;
  }

  private async findForDecision(manager: EntityManager, id: string): Promise<ApplicationEntity> {
    const app = await manager.findOneBy(ApplicationEntity, { id });
    if (!app || app.status === 'draft') throw new DomainException(ErrorCode.NotFound, '未找到该申请');
    return app;
  }

  /** An application this official reviews (or reviewed, or sees escalated); others answer 404. */
  private async findInScope(actor: RequestActor, id: string): Promise<ApplicationEntity> {
    const app = await this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
    const visible =
      app &&
      app.status !== 'draft' &&
      (actor.role === Role.Admin ||
        app.reviewSteps.some((s) => s.jurisdictionCode === actor.jurisdictionCode && s.level === actor.reviewLevel));
    if (!app || !visible) throw new DomainException(ErrorCode.NotFound, '未找到该申请');
    return app;
  }
}

/** The vehicles or enterprises a search in the queue stands for. */
interface SearchedKeys {
  column: 'vehicle' | 'enterprise';
  values: string[];
}

interface RawQueueKey {
  id: string;
  submittedAt: string | Date;
  whitelisted: number | boolean | string;
}

/** The queue's order: (whitelisted first when asked,) oldest submission first, then id. */
function compareQueueKeys(x: RawQueueKey, y: RawQueueKey, whitelistFirst: boolean): number {
  const w = whitelistFirst ? Number(Number(y.whitelisted) > 0) - Number(Number(x.whitelisted) > 0) : 0;
  return w || sqlDateTime(x.submittedAt).getTime() - sqlDateTime(y.submittedAt).getTime() || compareIds(x.id, y.id);
}

interface RawQueueRow {
  id: string;
  status: string;
  category: string;
  submittedAt: string | Date;
  dueAt: string | Date | null;
  whitelisted: number | boolean | string;
  currentLevel: string;
  currentJurisdiction: string;
  validFrom: string | Date;
  validTo: string | Date;
  enterpriseName: string;
  plate: string | null;
  plateColour: string | null;
}

function scopeOf(actor: RequestActor): { jurisdiction: string; level: string } {
  if (actor.role !== Role.Official || !actor.jurisdictionCode || !actor.reviewLevel) {
    throw new DomainException(ErrorCode.Forbidden);
  }
  return { jurisdiction: actor.jurisdictionCode, level: actor.reviewLevel };
}

function toQueueItem(row: RawQueueRow, jurisdiction: string, level: string, now: Date): QueueItem {
  const dueAt = row.dueAt ? sqlDateTime(row.dueAt) : null;
  return {
    id: row.id,
    status: row.status as QueueItem['status'],
    enterpriseName: row.enterpriseName,
    plate: row.plate,
    plateColour: row.plateColour,
    materialCategory: row.category,
    validFrom: sqlDate(row.validFrom),
    validTo: sqlDate(row.validTo),
    submittedAt: sqlDateTime(row.submittedAt).toISOString(),
    dueAt: dueAt?.toISOString() ?? null,
    overdue: dueAt !== null && dueAt < now,
    escalated: !(row.currentJurisdiction === jurisdiction && row.currentLevel === level),
    whitelisted: Boolean(Number(row.whitelisted)),
  };
}
