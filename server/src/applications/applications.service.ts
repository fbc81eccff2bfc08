import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type Application,
  type ApplicationAction,
  type ApplicationDraft,
  type ApplicationEventView,
  type ApplicationStatus,
  type ApplicationView,
  applicationFieldNames,
  canTransition,
  chinaToday,
  createApplicationSchema,
  crewHasDriver,
  type DocumentProblem,
  documentHolderOf,
  documentNeeds,
  documentProblems,
  ErrorCode,
  encodePageCursor,
  heldDocumentFor,
  type Page,
  type PageCursor,
  type PlateColour,
  type ReviewHistoryEntry,
  reviewStepsFor,
  routingCountyCode,
  type SearchTerm,
} from '@pass/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { jurisdictionPattern } from '../common/jurisdiction.js';
import { pageOf } from '../common/page.js';
import { validationException } from '../common/zod-validation.pipe.js';
import { isUniqueViolation } from '../database/errors.js';
import { lockClause } from '../database/locks.js';
import { hydrate, type Statement, selectList } from '../database/plain-rows.js';
import { runStatements, type StatementResult } from '../database/statements.js';
import { DriversService } from '../drivers/drivers.service.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { SanctionsService } from '../sanctions/sanctions.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { enterpriseOf, VehiclesService } from '../vehicles/vehicles.service.js';
import { WhitelistService } from '../whitelist/whitelist.service.js';
import { ApplicationEntity } from './application.entity.js';
import { snapshotOf, toApplicationView, toEventView, toHistoryEntry } from './application.view.js';
import { ApplicationEventEntity } from './application-event.entity.js';
import {
  type ApplicationChanges,
  ApplicationWorkflow,
  type TransitionOptions,
} from './application-workflow.service.js';
import {
  type QueueFilter,
  type QueueRow,
  type QueueSearch,
  ReviewQueueQueries,
  type ReviewStepScope,
} from './review-queue.queries.js';
import { readWaitingIn, type StepCounts } from './step-counts.js';

/** An application locked for a decision, with its vehicle's row (locked too) as issuance copies it. */
export interface LockedApplication {
  app: ApplicationEntity;
  vehicle: { id: string; plate: string; plateColour: PlateColour; vehicleType: string } | null;
}

export type { QueueFilter, QueueRow, QueueSearch, ReviewStepScope, StepCounts };

/** The applicant's side of an application's life: drafts, submission, withdrawal, correction. */
@Injectable()
export class ApplicationsService implements OnModuleInit {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly attachments: AttachmentsService,
    private readonly workflow: ApplicationWorkflow,
    private readonly sanctions: SanctionsService,
    private readonly audit: AuditService,
    private readonly vehicles: VehiclesService,
    private readonly drivers: DriversService,
    private readonly enterprises: EnterprisesService,
    private readonly whitelist: WhitelistService,
    private readonly reviewQueue: ReviewQueueQueries,
  ) {}

  onModuleInit(): void {
    // Vehicles and crew an application names stay: their modules sit below this one, so they ask here.
    this.vehicles.refuseRemovalWhen((vehicle) =>
      this.dataSource.getRepository(ApplicationEntity).existsBy({ vehicleId: vehicle.id }),
    );
    this.drivers.refuseRemovalWhen((driver) =>
      this.dataSource
        .getRepository(ApplicationEntity)
        .createQueryBuilder('a')
        // Crew lists are JSON text; a UUID cannot occur inside another, so a substring match is exact.
        .where('a.enterprise_id = :enterpriseId AND a.crew_driver_ids LIKE :id', {
          enterpriseId: driver.enterpriseId,
          id: `%${driver.id}%`,
        })
        .getExists(),
    );
    // A recognised whitelist ends (removed, its issuer suspended or removed): the applications still
    // waiting that it ranked first lose the priority at once, in the same transaction.
    this.whitelist.onRecognitionEnded(async (manager, sourceRegion) => {
      await manager
        .createQueryBuilder()
        .update(ApplicationEntity)
        .set({ whitelisted: false, whitelistSource: null })
        .where('whitelist_source = :sourceRegion AND current_level IS NOT NULL', { sourceRegion })
        .execute();
    });
  }

  /** A step of the application's workflow taken by a reviewer (see ApplicationWorkflow.transition). */
  transition(actor: RequestActor, action: ApplicationAction, options: TransitionOptions): Promise<ApplicationEntity> {
    return this.workflow.transition(actor, action, options);
  }

  /** A double tap with the same Idempotency-Key returns the first application instead of a second one. */
  async create(actor: RequestActor, draft: ApplicationDraft, idempotencyKey?: string): Promise<ApplicationView> {
    const enterpriseId = enterpriseOf(actor);
    if (idempotencyKey) {
      const earlier = await this.byRequestKey(enterpriseId, idempotencyKey);
      if (earlier) return toApplicationView(earlier, actor);
    }
    await this.assertReferencesOwned(enterpriseId, draft);
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const app = await manager.save(
          manager.create(ApplicationEntity, {
            enterpriseId,
            status: 'draft',
            clientRequestId: idempotencyKey ?? null,
            vehicleId: null,
            crewDriverIds: [],
            materialCategory: null,
            materialDescription: null,
            quantity: null,
            quantityUnit: null,
            consignor: null,
            consignee: null,
            originCode: null,
            destinationCode: null,
            waypointCodes: [],
            validFrom: null,
            validTo: null,
            attachmentIds: [],
            heldDocumentIds: null,
            reviewSteps: [],
            reviewLevelIndex: 0,
            approvals: [],
            lastReason: null,
            fieldsToFix: [],
            submittedAt: null,
            ...draft,
          }),
        );
        await this.workflow.recordStep(manager, actor, {
          applicationId: app.id,
          action: 'create',
          fromStatus: null,
          toStatus: 'draft',
        });
        await this.audit.record(manager, actor, {
          action: 'application.create',
          entityType: 'application',
          entityId: app.id,
          after: { status: 'draft' },
        });
        return app;
      });
      return toApplicationView(saved, actor);
    } catch (error) {
      const earlier =
        idempotencyKey && isUniqueViolation(error) && (await this.byRequestKey(enterpriseId, idempotencyKey));
      if (earlier) return toApplicationView(earlier, actor);
      throw error;
    }
  }

  /** A page of the review queue at a step, `filter.limit + 1` rows in page order (see ReviewQueueQueries.page). */
  queuePage(step: ReviewStepScope, filter: QueueFilter, now: Date, search?: QueueSearch): Promise<QueueRow[]> {
    return this.reviewQueue.page(step, filter, now, search);
  }

  /** A review step's counters, exact (see step-counts.ts). */
  stepCounts(step: ReviewStepScope): Promise<StepCounts> {
    return this.reviewQueue.counts(step);
  }

  /**
   * The application an approval decides, as the FIRST statement of its transaction: the whole row and
   * its vehicle's, both locked (`FOR UPDATE`), and in the same round trip `alongside`, the locks that
   * must follow it (issuance's guards, keyed by this application: see issuance-guards.ts), whose
   * answers come back in `alongside`. The decision works on this row and does not read it again: a
   * locking read sees the latest committed version, the one its versioned update checks. `locked` is
   * null for no such application or a draft (a 404, as findSubmitted). SQLite reads it plainly: its
   * transactions run one at a time.
   */
  async lockForDecision(
    manager: EntityManager,
    id: string,
    alongside: readonly Statement[] = [],
  ): Promise<{ locked: LockedApplication | null; alongside: StatementResult[] }> {
    // Plain SQL on the issuance path (see plain-rows.ts for why).
    // The first statement of the decision's transaction: through runStatements, which opens it.
    const [result, ...after] = await runStatements(manager, [
      {
        sql: `SELECT ${selectList(manager, ApplicationEntity, 'a')}, v.id AS locked_vehicle_id, v.plate AS locked_plate,
       v.plate_colour AS locked_plate_colour, v.vehicle_type AS locked_vehicle_type
       FROM applications a LEFT JOIN vehicles v ON v.id = a.vehicle_id WHERE a.id = ?${lockClause(manager, 'write')}`,
        params: [id],
      },
      ...alongside,
    ]);
    const [row] = result!.rows as Record<string, string | null>[];
    if (!row) return { locked: null, alongside: after };
    const app = hydrate(manager, ApplicationEntity, row);
    if (app.status === 'draft') return { locked: null, alongside: after };
    const vehicle =
      row.locked_vehicle_id && row.locked_plate && row.locked_plate_colour
        ? {
            id: row.locked_vehicle_id,
            plate: row.locked_plate,
            plateColour: row.locked_plate_colour as PlateColour,
            vehicleType: row.locked_vehicle_type ?? '',
          }
        : null;
    return { locked: { app, vehicle }, alongside: after };
  }

  /** A submitted application (never a draft), for a reviewer; in the caller's transaction when it gives one. */
  async findSubmitted(id: string, manager = this.dataSource.manager): Promise<ApplicationEntity | null> {
    const app = await manager.findOneBy(ApplicationEntity, { id });
    return app && app.status !== 'draft' ? app : null;
  }

  /** How many applications await a decision in a jurisdiction's scope (all when it is null), and how many are overdue. */
  awaitingDecision(jurisdictionCode: string | null): Promise<{ waiting: number; overdue: number }> {
    return readWaitingIn(
      this.dataSource,
      jurisdictionCode === null ? null : jurisdictionPattern(jurisdictionCode),
      new Date(),
    );
  }

  /**
   * The enterprise's applications, newest first, by status. A plate searched narrows them to those of
   * its vehicles (from `idx_applications_vehicle`: a vehicle's applications are few); a pass number or
   * an enterprise is no search within one enterprise's applications (the pass list finds pass numbers).
   */
  async list(
    actor: RequestActor,
    status: ApplicationStatus | undefined,
    after?: PageCursor,
    limit = 20,
    search?: SearchTerm,
  ): Promise<Page<ApplicationView>> {
    const enterpriseId = enterpriseOf(actor);
    const query = this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a');
    if (search) {
      const vehicleIds = (await this.vehicles.matching(search, enterpriseId)).map((v) => v.id);
      if (vehicleIds.length === 0) return { items: [], nextCursor: null };
      // The vehicles are the enterprise's own, and so is every application naming one (checked on each
      // save): the vehicle alone scopes the list, so that both databases read it from its index.
      query.useIndex('idx_applications_vehicle').where('a.vehicle_id IN (:...vehicleIds)', { vehicleIds });
    } else {
      query.where('a.enterprise_id = :enterpriseId', { enterpriseId });
    }
    if (status) query.andWhere('a.status = :status', { status });
    // (created_at, id) descending; ties on the millisecond are broken by id.
    if (after) {
      query.andWhere('(a.created_at < :at OR (a.created_at = :at AND a.id < :id))', {
        at: after.createdAt,
        id: after.id,
      });
    }
    const rows = await query
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return pageOf(
      rows,
      limit,
      (app) => toApplicationView(app, actor),
      (last) => encodePageCursor(last.createdAt, last.id),
    );
  }

  async get(actor: RequestActor, id: string): Promise<ApplicationView> {
    return toApplicationView(await this.findOwn(actor, id), actor);
  }

  /** The applicant's timeline: what officials noted for each other is not in it. */
  async events(actor: RequestActor, id: string): Promise<ApplicationEventView[]> {
    const app = await this.findOwn(actor, id);
    return (await this.stepsOf(app.id)).map(toEventView);
  }

  /** The whole review history for officials (the caller has checked the application is in their scope). */
  async history(applicationId: string): Promise<ReviewHistoryEntry[]> {
    return (await this.stepsOf(applicationId)).map(toHistoryEntry);
  }

  private stepsOf(applicationId: string): Promise<ApplicationEventEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEventEntity)
      .find({ where: { applicationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A save that changes nothing is no step: the timeline does not show it as 修改. */
  async update(actor: RequestActor, id: string, draft: ApplicationDraft): Promise<ApplicationView> {
    await this.assertReferencesOwned(enterpriseOf(actor), draft);
    const current = await this.findOwn(actor, id);
    if (!changes(current, draft) && canTransition(snapshotOf(current), 'edit', actor)) {
      return toApplicationView(current, actor);
    }
    return this.step(actor, id, 'edit', async () => draft);
  }

  async submit(actor: RequestActor, id: string): Promise<ApplicationView> {
    return this.step(actor, id, 'submit', (app, manager) => this.prepareForReview(app, manager));
  }

  async resubmit(actor: RequestActor, id: string): Promise<ApplicationView> {
    return this.step(actor, id, 'resubmit', (app, manager) => this.prepareForReview(app, manager));
  }

  async withdraw(actor: RequestActor, id: string): Promise<ApplicationView> {
    return this.step(actor, id, 'withdraw');
  }

  private async step(
    actor: RequestActor,
    id: string,
    action: ApplicationAction,
    prepare?: (app: ApplicationEntity, manager: EntityManager) => Promise<ApplicationChanges>,
  ): Promise<ApplicationView> {
    const updated = await this.workflow.transition(actor, action, {
      find: (manager) => this.findOwn(actor, id, manager),
      prepare,
    });
    return toApplicationView(updated, actor);
  }

  /** Everything an application must satisfy before an official sees it, and where it is routed. */
  private async prepareForReview(app: ApplicationEntity, manager: EntityManager): Promise<ApplicationChanges> {
    const enterprise = await this.enterprises.getById(manager, app.enterpriseId);
    if (!enterprise.verifiedAt) throw new DomainException(ErrorCode.EnterpriseNotVerified);

    const settings = await this.settings.current();
    // The stored fields as a submission: a field never filled in is null here, absent there.
    const submitted = Object.fromEntries(applicationFieldNames.map((name) => [name, app[name] ?? undefined]));
    const parsed = createApplicationSchema(settings, { today: chinaToday() }).safeParse(submitted);
    if (!parsed.success) throw validationException(parsed.error);
    const complete: Application = parsed.data;

    await this.assertReferencesOwned(app.enterpriseId, complete, manager);
    const crew = await this.drivers.crewOf(manager, complete.crewDriverIds);
    if (!crewHasDriver(crew.map((person) => person.role))) throw new DomainException(ErrorCode.CrewWithoutDriver);
    const attachments = await this.attachments.assertOwned(app.enterpriseId, complete.attachmentIds);
    // Attached here are the kinds that come with each application, and documents of vehicles and
    // people uploaded before they were held by them (which still count, for old drafts).
    const attachedKinds = attachments.filter((a) => !a.vehicleId && !a.driverId).map((a) => a.kind);
    const missing = settings.requiredAttachments.filter(
      (kind) => !documentHolderOf(kind) && !attachedKinds.includes(kind),
    );
    if (missing.length > 0) throw new DomainException(ErrorCode.AttachmentMissing);

    const vehicle = await this.vehicles.getById(manager, complete.vehicleId);
    const needs = documentNeeds(settings.requiredAttachments, vehicle, crew);
    const held = await this.attachments.currentHeldBy(manager, app.enterpriseId, vehicle.id, complete.crewDriverIds);
    assertDocumentsCover(
      documentProblems(needs, held, { today: chinaToday(), validTo: complete.validTo, attachedKinds }),
    );
    await this.sanctions.assertClear(
      { enterpriseId: app.enterpriseId, plate: vehicle.plate, crewDriverIds: complete.crewDriverIds },
      manager,
    );

    const county = routingCountyCode(settings, {
      enterpriseDistrictCode: enterprise.districtCode,
      originCode: complete.originCode,
      destinationCode: complete.destinationCode,
    });
    return {
      reviewSteps: reviewStepsFor(settings.approvalChain, county),
      submittedAt: new Date(),
      // The return is resolved by this submission: it stays in the history, not as the current reason.
      lastReason: null,
      fieldsToFix: [],
      heldDocumentIds: needs.flatMap((need) => heldDocumentFor(need, held)?.id ?? []),
      ...(await this.whitelistStanding(enterprise.creditCode, manager)),
    };
  }

  /** Vehicles, crew and attachments named by an application must be the enterprise's own. */
  private async assertReferencesOwned(
    enterpriseId: string,
    draft: ApplicationDraft,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (draft.vehicleId && !(await this.vehicles.isOwnedBy(manager, enterpriseId, draft.vehicleId))) {
      throw new DomainException(ErrorCode.NotFound, '未找到该车辆');
    }
    const crewIds = [...new Set(draft.crewDriverIds ?? [])];
    if (crewIds.length > 0 && (await this.drivers.countOwnedBy(manager, enterpriseId, crewIds)) !== crewIds.length) {
      throw new DomainException(ErrorCode.NotFound, '未找到该人员');
    }
    if (draft.attachmentIds) await this.attachments.assertOwned(enterpriseId, draft.attachmentIds);
  }

  private async findOwn(
    actor: RequestActor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationEntity> {
    const app = await manager.findOneBy(ApplicationEntity, { id, enterpriseId: enterpriseOf(actor) });
    if (!app) throw new DomainException(ErrorCode.NotFound, '未找到该申请');
    return app;
  }

  private async whitelistStanding(creditCode: string, manager: EntityManager) {
    const { whitelisted, source } = await this.whitelist.standing(creditCode, manager);
    return { whitelisted, whitelistSource: source };
  }

  private byRequestKey(enterpriseId: string, clientRequestId: string) {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ enterpriseId, clientRequestId });
  }
}

/**
 * Refuses a submission whose vehicle or crew lacks a required document (ATTACHMENT_MISSING) or holds
 * one that does not last as long as the pass (DOCUMENT_EXPIRED), naming each under its field.
 */
function assertDocumentsCover(problems: readonly DocumentProblem[]): void {
  if (problems.length === 0) return;
  const code = problems.some((p) => p.problem !== 'missing') ? ErrorCode.DocumentExpired : ErrorCode.AttachmentMissing;
  throw new DomainException(
    code,
    problems.map((p) => p.message).join('；'),
    problems.map((p) => ({ path: p.need.holder === 'vehicle' ? 'vehicleId' : 'crewDriverIds', message: p.message })),
  );
}

/** Whether a draft sets any field to something other than what the application holds. */
function changes(app: ApplicationEntity, draft: ApplicationDraft): boolean {
  return Object.entries(draft).some(
    ([key, value]) => value !== undefined && !isDeepStrictEqual(value, app[key as keyof ApplicationDraft]),
  );
}
