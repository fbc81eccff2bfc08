import { Inject, Injectable } from '@nestjs/common';
import {
  type ApplicationAction,
  type ApplicationSnapshot,
  type ApplicationStatus,
  assertTransition,
  currentReviewStep,
  ErrorCode,
  type HolidayCalendar,
} from '@pass/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditedChange, type AuditRecord, AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { dueAfterWorkingDays } from '../common/working-days.js';
import { withDeadlockRetry } from '../database/errors.js';
import { insertStatement, type Statement, updateStatement } from '../database/plain-rows.js';
import { batchedTransaction, commitWithStatements, runStatements } from '../database/statements.js';
import { HolidaysService } from '../holidays/holidays.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { ApplicationEntity } from './application.entity.js';
import { snapshotOf } from './application.view.js';
import { ApplicationEventEntity } from './application-event.entity.js';
import { ApplicationNotices } from './application-notices.js';
import { stepCountStatements } from './step-counts.js';

export type ApplicationChanges = Partial<
  Omit<ApplicationEntity, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'status' | 'enterpriseId'>
>;

export interface TransitionOptions {
  /**
   * Locks taken before anything is read (see issuance-guards.ts), so no check reads an older snapshot:
   * the application's row among them (ApplicationsService.lockForDecision). Its versioned update then
   * cannot miss, so the step's last round trip also commits (commitWithStatements).
   */
  lockFirst?: (manager: EntityManager) => Promise<void>;
  /** Loads the application the actor may act on (its own scope), inside the transaction. */
  find: (manager: EntityManager) => Promise<ApplicationEntity>;
  /** Checks and changes that must hold before the rules are applied (e.g. routing on submission). */
  prepare?: (app: ApplicationEntity, manager: EntityManager) => Promise<ApplicationChanges>;
  /**
   * Work that belongs to the same transaction once the step is taken (e.g. issuing the pass); the
   * audit entries and the writes it returns are run with the step's own, last (see transition). For a
   * step whose row was locked first it is also handed the step's writes that can go early (StepWrites).
   */
  afterwards?: (
    app: ApplicationEntity,
    manager: EntityManager,
    early: StepWrites | null,
  ) => Promise<WorkAfterStep | undefined>;
  /** What the step says to the applicant and, apart, to the officials only (see StepNotes). */
  notes?: StepNotes;
}

/** What `afterwards` leaves to the transition: its audit entries and its writes that can come last. */
export interface WorkAfterStep {
  audited: AuditedChange[];
  writes: Statement[];
}

/**
 * The step's writes that nothing after them reads (the application's row and its timeline entry), which
 * the work may take to send in one of its own round trips before it locks rows other transactions wait
 * for (an issuer's serial: see IssuanceService.issue), so that they are not run while those are held;
 * the writes it did not take go in the transition's last round trip. Offered only for a step whose row
 * was locked first: its versioned update cannot miss, so its answer need not be read.
 */
export class StepWrites {
  private taken = false;

  constructor(private readonly statements: readonly Statement[]) {}

  /** The writes, which the caller now sends itself, in its transaction's next round trip. */
  take(): readonly Statement[] {
    this.taken = true;
    return this.statements;
  }

  /** What is left for the transition's last round trip. */
  left(): readonly Statement[] {
    return this.taken ? [] : this.statements;
  }
}

/** A step as the application's timeline keeps it. */
export interface TimelineStep {
  applicationId: string;
  action: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  notes?: StepNotes;
}

/** What a step records beside the status: the applicant reads `comment`, officials read all of it. */
export interface StepNotes {
  comment?: string | null;
  internalNote?: string | null;
  fieldsToFix?: string[];
}

/**
 * Takes one step of an application's life for any role: the shared state machine decides, the row
 * changes only if nobody changed it since it was read (version), and the step goes to the timeline
 * and the audit log in the same transaction.
 */
@Injectable()
export class ApplicationWorkflow {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly holidays: HolidaysService,
    private readonly audit: AuditService,
    private readonly notices: ApplicationNotices,
  ) {}

  transition(actor: RequestActor, action: ApplicationAction, options: TransitionOptions): Promise<ApplicationEntity> {
    // A step whose row is locked first begins with that locking read and commits with its last writes
    // (commitWithStatements): batchedTransaction saves the round trips of its BEGIN and of a COMMIT after.
    const transaction = (work: (manager: EntityManager) => Promise<ApplicationEntity>) =>
      options.lockFirst ? batchedTransaction(this.dataSource, work) : this.dataSource.transaction(work);
    return withDeadlockRetry(() =>
      transaction(async (manager) => {
        if (options.lockFirst) await options.lockFirst(manager);
        const app = await options.find(manager);
        const changes = options.prepare ? await options.prepare(app, manager) : {};
        const after = assertTransition(snapshotOf({ ...app, ...changes } as ApplicationEntity), action, actor);
        const now = new Date();
        const { reviewDeadlineWorkingDays } = await this.settings.current();
        const calendar = await this.holidays.calendar();
        const position = this.queuePosition(app, after, now, reviewDeadlineWorkingDays, calendar);
        const written = {
          ...changes,
          status: after.status,
          reviewLevelIndex: after.reviewLevelIndex,
          approvals: [...after.approvals],
          ...position,
          version: app.version + 1,
          updatedAt: now,
        };
        // The row as it is written below (the version check there says nobody else wrote it): not read again.
        const updated = Object.assign(new ApplicationEntity(), app, written);
        await this.notices.stepTaken(manager, app, updated, action);
        const stepWrites = [
          updateStatement(manager, ApplicationEntity, { id: app.id, version: app.version }, written),
          this.stepEventInsert(manager, actor, {
            applicationId: app.id,
            action,
            fromStatus: app.status,
            toStatus: after.status,
            notes: options.notes,
          }),
        ];
        const early = options.lockFirst ? new StepWrites(stepWrites) : null;
        const work = options.afterwards ? await options.afterwards(updated, manager, early) : undefined;
        // The writes, last and in one round trip (runStatements): the application's row (plain SQL, see
        // plain-rows.ts for why) and the step's timeline entry unless the work took them to send earlier
        // (StepWrites), the work's writes (the pass issued, whose issuer's serial is locked by now), the
        // step's audit entry with the work's in one INSERT, and the steps' count rows, which every
        // transition at the step changes. Each round trip here is time those hot rows stay locked. The
        // row is written after the work: a decision locked it first (lockForDecision), and for a step
        // that did not, a version that no longer matches rolls everything back all the same. A step
        // whose row was locked first commits in the same round trip.
        const last = options.lockFirst ? commitWithStatements : runStatements;
        const results = await last(manager, [
          ...(early ? early.left() : stepWrites),
          ...(work?.writes ?? []),
          this.audit.insertOf(manager, [
            { actor, at: now, entry: stepAuditEntry(app, after, action, options.notes) },
            ...(work?.audited ?? []),
          ]),
          ...stepCountStatements(manager, app, position),
        ]);
        // Only for a step that did not lock its row first (whose update is the first statement above):
        // one that did has committed by now, and its row, locked since it was read, cannot have moved.
        if (!early && results[0]!.affected !== 1) throw new DomainException(ErrorCode.StaleVersion);
        return updated;
      }),
    );
  }

  /** The application's first step (its creation), on its timeline. */
  async recordStep(manager: EntityManager, actor: RequestActor, step: TimelineStep): Promise<void> {
    await runStatements(manager, [this.stepEventInsert(manager, actor, step)]);
  }

  /** A step's timeline entry. Every step of every application writes one: a plain INSERT (see insertRows for why). */
  private stepEventInsert(
    manager: EntityManager,
    actor: RequestActor,
    { applicationId, action, fromStatus, toStatus, notes = {} }: TimelineStep,
  ): Statement {
    return insertStatement(manager, ApplicationEventEntity, [
      manager.create(ApplicationEventEntity, {
        applicationId,
        action,
        fromStatus,
        toStatus,
        actorId: actor.id,
        actorRole: actor.role,
        actorName: actor.name,
        jurisdictionCode: actor.jurisdictionCode ?? null,
        reviewLevel: actor.reviewLevel ?? null,
        actorDepartment: actor.department,
        comment: notes.comment ?? null,
        internalNote: notes.internalNote ?? null,
        fieldsToFix: notes.fieldsToFix?.length ? notes.fieldsToFix : null,
      }),
    ]);
  }

  /** Whose queue the application is in after the step, and when it falls due there. */
  private queuePosition(
    before: ApplicationEntity,
    after: ApplicationSnapshot,
    now: Date,
    deadlineDays: number,
    calendar: HolidayCalendar,
  ) {
    const step = currentReviewStep(after);
    if (!step) {
      return {
        currentLevel: null,
        currentJurisdiction: null,
        escalationLevel: null,
        escalationJurisdiction: null,
        dueAt: null,
      };
    }
    const next = after.reviewSteps[after.reviewLevelIndex + 1];
    const arrived = before.currentLevel === null || before.reviewLevelIndex !== after.reviewLevelIndex;
    return {
      currentLevel: step.level,
      currentJurisdiction: step.jurisdictionCode,
      escalationLevel: next?.level ?? null,
      escalationJurisdiction: next?.jurisdictionCode ?? null,
      dueAt: arrived || !before.dueAt ? dueAfterWorkingDays(now, deadlineDays, calendar) : before.dueAt,
    };
  }
}

/** What the audit log keeps of a step: the status and level before and after, and what was said. */
function stepAuditEntry(
  app: ApplicationEntity,
  after: ApplicationSnapshot,
  action: ApplicationAction,
  notes: StepNotes = {},
): AuditRecord {
  const comment = notes.comment ?? null;
  return {
    action: `application.${action}`,
    entityType: 'application',
    entityId: app.id,
    before: { status: app.status, reviewLevelIndex: app.reviewLevelIndex },
    after: {
      status: after.status,
      reviewLevelIndex: after.reviewLevelIndex,
      ...(comment ? { comment } : {}),
      ...(notes.internalNote ? { internalNote: notes.internalNote } : {}),
    },
  };
}
