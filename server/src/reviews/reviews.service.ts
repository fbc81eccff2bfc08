import { Injectable } from '@nestjs/common';
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
  regionFullName,
  type SearchTerm,
  TransitionError,
} from '@pass/shared';
import type { EntityManager } from 'typeorm';
import type { ApplicationEntity } from '../applications/application.entity.js';
import { toApplicationView } from '../applications/application.view.js';
import {
  ApplicationsService,
  type LockedApplication,
  type QueueFilter,
  type QueueRow,
  type QueueSearch,
  type ReviewStepScope,
} from '../applications/applications.service.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { pageOf } from '../common/page.js';
import { sqlDate, sqlDateTime } from '../common/sql-dates.js';
import { DriversService } from '../drivers/drivers.service.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { type IssuanceGuards, PassesService } from '../passes/passes.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { SanctionsService } from '../sanctions/sanctions.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { VehiclesService } from '../vehicles/vehicles.service.js';

/** The officials' side of an application: the queue at their step, what helps decide, and the decision. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly settings: SettingsService,
    private readonly applications: ApplicationsService,
    private readonly enterprises: EnterprisesService,
    private readonly vehicles: VehiclesService,
    private readonly drivers: DriversService,
    private readonly attachments: AttachmentsService,
    private readonly quotas: QuotasService,
    private readonly passes: PassesService,
    private readonly sanctions: SanctionsService,
  ) {}

  /**
   * Applications awaiting this official's step, plus those overdue one step below (escalated), oldest
   * first; whitelisted enterprises first when asked. The applications module reads the page from its
   * table alone (see ReviewQueueQueries.page); the enterprise names and plates of those rows only are
   * asked of their modules.
   */
  async queue(actor: RequestActor, filter: QueueFilter): Promise<QueuePage> {
    const step = scopeOf(actor);
    const now = new Date();
    const search = filter.q ? await this.searchedKeys(filter.q) : undefined;
    const rows = await this.applications.queuePage(step, filter, now, search);
    const [names, vehicles] = await Promise.all([
      this.enterprises.namesById(rows.map((r) => r.enterpriseId)),
      this.vehicles.viewsById(rows.flatMap((r) => (r.vehicleId ? [r.vehicleId] : []))),
    ]);
    const vehicleOf = new Map(vehicles.map((v) => [v.id, v]));
    return pageOf(
      rows,
      filter.limit,
      (row) => {
        const vehicle = row.vehicleId ? vehicleOf.get(row.vehicleId) : undefined;
        return {
          ...toQueueItem(row, step, now),
          enterpriseName: names.get(row.enterpriseId) ?? '',
          plate: vehicle?.plate ?? null,
          plateColour: vehicle?.plateColour ?? null,
        };
      },
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
  private async searchedKeys(term: SearchTerm): Promise<QueueSearch> {
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

  async counters(actor: RequestActor): Promise<ReviewCounters> {
    const step = scopeOf(actor);
    const { quota } = await this.settings.current();
    // The two reads are independent: in parallel, so the answer waits for one round trip, not two.
    const [{ waiting, overdue, escalated }, quotaLeft] = await Promise.all([
      this.applications.stepCounts(step),
      quota.enabled ? this.quotas.left(step.jurisdiction, quotaPeriodKey(chinaToday(), quota.period)) : null,
    ]);
    return { waiting, overdue, escalated, quotaLeft };
  }

  async detail(actor: RequestActor, id: string): Promise<ReviewDetail> {
    const app = await this.findInScope(actor, id);
    const enterprise = await this.enterprises.summary(app.enterpriseId);
    const vehicle = app.vehicleId ? await this.vehicles.viewById(app.vehicleId) : null;
    const otherPasses = vehicle ? await this.passes.activeForPlate(vehicle.plate, vehicle.plateColour) : [];
    return {
      application: toApplicationView(app, actor),
      enterprise: {
        ...enterprise,
        whitelisted: app.whitelisted,
        whitelistSource: whitelistSourceName(app.whitelisted, app.whitelistSource),
      },
      vehicle,
      crew: await this.drivers.viewsById(app.crewDriverIds),
      attachments: await this.attachments.viewsById(app.attachmentIds),
      heldDocuments: await this.attachments.viewsById(app.heldDocumentIds ?? []),
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
    const cited = [...app.attachmentIds, ...(app.heldDocumentIds ?? [])].includes(attachmentId);
    const content = cited ? await this.attachments.contentById(attachmentId) : null;
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
      // What the transaction locked first (run again with it on a deadlock retry): the application,
      // read whole by its locking read and not again, and for the issuance its vehicle, enterprise
      // and plate.
      let locked: LockedApplication | null = null;
      let guards: IssuanceGuards | null = null;
      updated = await this.applications.transition(actor, 'approve', {
        lockFirst: async (manager) => {
          // The guards' locks go in the packet of the application's own (see issuance-guards.ts).
          const guardLocks = await this.passes.issuanceGuardLocks(manager, id);
          const decided = await this.applications.lockForDecision(manager, id, guardLocks.statements);
          locked = decided.locked;
          guards = locked && guardLocks.read(decided.alongside, locked.vehicle);
        },
        find: async () => {
          const app = (locked as LockedApplication | null)?.app;
          if (!app) throw new DomainException(ErrorCode.NotFound, '未找到该申请');
          return app;
        },
        notes: { comment: decision.comment, internalNote: decision.internalNote },
        afterwards: async (app, manager, early) => {
          if (app.status !== 'approved') return undefined;
          // The application's row and timeline entry are written before the issuer's serial is taken.
          const issued = await this.passes.issue(manager, app, actor, guards, early?.take());
          passId = issued.pass.id;
          return issued;
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
    const app = await this.applications.findSubmitted(id, manager);
    if (!app) throw new DomainException(ErrorCode.NotFound, '未找到该申请');
    return app;
  }

  /** An application this official reviews (or reviewed, or sees escalated); others answer 404. */
  private async findInScope(actor: RequestActor, id: string): Promise<ApplicationEntity> {
    const app = await this.applications.findSubmitted(id);
    const visible =
      app &&
      (actor.role === Role.Admin ||
        app.reviewSteps.some((s) => s.jurisdictionCode === actor.jurisdictionCode && s.level === actor.reviewLevel));
    if (!app || !visible) throw new DomainException(ErrorCode.NotFound, '未找到该申请');
    return app;
  }
}

function scopeOf(actor: RequestActor): ReviewStepScope {
  if (actor.role !== Role.Official || !actor.jurisdictionCode || !actor.reviewLevel) {
    throw new DomainException(ErrorCode.Forbidden);
  }
  return { jurisdiction: actor.jurisdictionCode, level: actor.reviewLevel };
}

/** A queue row as the official sees it; the enterprise and vehicle come from their own modules. */
function toQueueItem(
  row: QueueRow,
  { jurisdiction, level }: ReviewStepScope,
  now: Date,
): Omit<QueueItem, 'enterpriseName' | 'plate' | 'plateColour'> {
  const dueAt = row.dueAt ? sqlDateTime(row.dueAt) : null;
  return {
    id: row.id,
    status: row.status as QueueItem['status'],
    materialCategory: row.category,
    validFrom: sqlDate(row.validFrom),
    validTo: sqlDate(row.validTo),
    submittedAt: sqlDateTime(row.submittedAt).toISOString(),
    dueAt: dueAt?.toISOString() ?? null,
    overdue: dueAt !== null && dueAt < now,
    escalated: !(row.currentJurisdiction === jurisdiction && row.currentLevel === level),
    whitelisted: Boolean(Number(row.whitelisted)),
    whitelistSource: whitelistSourceName(Boolean(Number(row.whitelisted)), row.whitelistSource),
  };
}

/** The province whose recognised whitelist ranked the application first (白名单（江苏省互认）), by name. */
function whitelistSourceName(whitelisted: boolean, source: string | null): string | null {
  return whitelisted && source ? (regionFullName(source) ?? source) : null;
}
