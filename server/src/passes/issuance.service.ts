import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { chinaToday, ErrorCode, formatPassNumber, maxPassSerial, quotaPeriodKey } from '@pass/shared';
import { type EntityManager, In } from 'typeorm';
import type { ApplicationEntity } from '../applications/application.entity.js';
import type { AuditedChange } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { writeLock } from '../database/locks.js';
import { insertStatement, type Statement } from '../database/plain-rows.js';
import { type ReadingStatement, readStatements } from '../database/statements.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { DriversService } from '../drivers/drivers.service.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { SanctionsService } from '../sanctions/sanctions.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { PassTokenService } from '../signing/pass-token.service.js';
import { nextCounterValue } from './counters.js';
import {
  type GuardedVehicle,
  type IssuanceGuardLocks,
  type IssuanceGuards,
  issuanceGuardLocks,
} from './issuance-guards.js';
import { PassEntity } from './pass.entity.js';
import { PassCrewMemberEntity } from './pass-crew-member.entity.js';
import { PassNotices } from './pass-notices.js';
import { StatusIndexBlocks } from './status-index-blocks.js';
import { StatusListService } from './status-list.service.js';

/**
 * The pass issued, the audit entries the caller writes with its own step's, and the pass's INSERT,
 * which the caller runs with its own last writes in one round trip (ApplicationWorkflow.transition).
 * Its crew rows and notice were written before its number was taken.
 */
export interface IssuedPass {
  pass: PassEntity;
  audited: AuditedChange[];
  writes: Statement[];
}

/**
 * Issues the pass of an application approved at its last level, inside the approval's transaction:
 * sanctions, the enterprise's cap, the vehicle's other passes, the quota, the number, the signed
 * token and the record commit together or not at all.
 */
@Injectable()
export class IssuanceService {
  constructor(
    private readonly settings: SettingsService,
    private readonly tokens: PassTokenService,
    private readonly sanctions: SanctionsService,
    private readonly statusList: StatusListService,
    private readonly enterprises: EnterprisesService,
    private readonly drivers: DriversService,
    private readonly quotas: QuotasService,
    private readonly departments: DepartmentsService,
    private readonly notices: PassNotices,
    private readonly statusIndexes: StatusIndexBlocks,
  ) {}

  /**
   * The locks an approval takes with its application's locking read, before it reads anything (see
   * issuance-guards.ts), under the settings read here; issue() is handed what they answer. The
   * enterprise is locked exclusively only when the province caps active passes per enterprise: the
   * count below needs approvals to take turns.
   */
  async guardLocks(manager: EntityManager, applicationId: string): Promise<IssuanceGuardLocks> {
    const settings = await this.settings.current();
    const exclusive = settings.quota.maxActivePassesPerEnterprise !== null;
    return issuanceGuardLocks(
      manager,
      applicationId,
      settings,
      this.enterprises.issuanceLock(manager, applicationId, exclusive),
    );
  }

  async issue(
    manager: EntityManager,
    app: ApplicationEntity,
    official: RequestActor,
    guards: IssuanceGuards | null,
    ahead: readonly Statement[] = [],
  ): Promise<IssuedPass> {
    // The approval locked the application, the enterprise and the plate's guard row before its first
    // read (guardLocks), so the count and the overlap query below see every pass committed by an
    // approval that held them before; what it read of them is not read again.
    const { settings, enterprise, vehicle } = guards ?? {};
    if (!settings || !enterprise || !vehicle || enterprise.id !== app.enterpriseId || vehicle.id !== app.vehicleId) {
      throw new DomainException(ErrorCode.Internal);
    }
    const today = chinaToday();
    const passId = randomUUID();
    const cap = settings.quota.maxActivePassesPerEnterprise;
    // The plain reads, which need none of each other's answers, in one round trip (readStatements; a
    // round trip costs more of the server's CPU than the statement, docs/scaling.md §4.3), checked in
    // the order they once were sent one by one, so that the same refusal comes first: the crew, the
    // sanctions (the blacklist's query reads the crew's ID-number hashes itself), the enterprise's
    // active passes when capped, the plate's active passes over these days, the fleet managers to tell.
    const [crew, , , candidates, notice] = await readStatements(manager, [
      this.drivers.crewForPassStatement(app.crewDriverIds),
      this.sanctions.clearanceStatement({ enterprise, plate: vehicle.plate, crewDriverIds: app.crewDriverIds }),
      cap === null ? null : capStatement(enterprise.id, today, cap),
      overlapStatement(vehicle, app.validFrom!, app.validTo!),
      this.notices.issued(manager, {
        id: passId,
        enterpriseId: enterprise.id,
        plate: vehicle.plate,
        validFrom: app.validFrom!,
        validTo: app.validTo!,
      }),
    ]);

    // The plate's active passes for these days, to supersede (or refuse over): found by the plain read
    // above, then locked by id with their status read again (a revocation may have ended one since the
    // snapshot), before the quota and the counters, the order a revocation takes them in too. The
    // plain read misses none: a pass of this plate is only added under its guard row, held since before
    // the snapshot. A locking read of the range would also lock its gap in idx_passes_plate, where
    // approvals of neighbouring plates insert their passes: once the enterprise row no longer made them
    // take turns, they deadlocked there (docs/scaling.md §4.3).
    const overlapping = candidates.length
      ? await manager.find(PassEntity, {
          where: { id: In(candidates), status: 'active' },
          order: { validFrom: 'ASC' },
          lock: writeLock(manager),
        })
      : [];
    if (overlapping.length > 0 && !settings.autoSupersede) {
      throw new DomainException(
        ErrorCode.VehicleHasActivePass,
        `该车辆已有有效通行证（${overlapping[0]!.passNumber}，有效期至${overlapping[0]!.validTo}）`,
      );
    }

    // The allocation of the application's first reviewing jurisdiction.
    const quota = settings.quota.enabled
      ? { jurisdictionCode: app.reviewSteps[0]!.jurisdictionCode, period: quotaPeriodKey(today, settings.quota.period) }
      : null;
    if (quota) await this.quotas.consume(manager, quota.jurisdictionCode, quota.period);

    // Everything that does not need the pass number comes before the issuer's serial is locked: that
    // row serialises every approval of the issuing jurisdiction until this transaction commits, and each
    // statement inside it waits its turn on the event loop behind the other approvals' work. The pass's
    // id is set before the reads, so that its crew rows and its notice (whose number is filled in at
    // delivery) are written in the serial's own round trip, ahead of it, with the caller's writes that
    // need no number either (`ahead`: the application's row and timeline entry). Measured: the last
    // round trip, run while the serial is held, was most of the time between two approvals of one
    // issuer (docs/scaling.md §4.3).
    const issuerCode = app.reviewSteps.at(-1)!.jurisdictionCode;
    const department = await this.departments.forIssuer(issuerCode, manager);
    const crewRows = app.crewDriverIds.map((driverId) => manager.create(PassCrewMemberEntity, { passId, driverId }));
    const statusIndex = await this.statusIndexes.take(manager);

    const serial = await nextCounterValue(manager, `serial:${issuerCode}`, [
      ...ahead,
      ...(crewRows.length > 0 ? [insertStatement(manager, PassCrewMemberEntity, crewRows)] : []),
      ...(notice ? [notice] : []),
    ]);
    if (serial > maxPassSerial) throw new DomainException(ErrorCode.PassNumbersExhausted);
    const passNumber = formatPassNumber(issuerCode, serial);
    // The token carries each person's ID number only as a digest salted with this pass's number.
    const signed = await this.tokens.issue({
      passNumber,
      plate: vehicle.plate,
      plateColour: vehicle.plateColour,
      validFrom: app.validFrom!,
      validTo: app.validTo!,
      originCode: app.originCode!,
      destinationCode: app.destinationCode!,
      waypointCodes: app.waypointCodes,
      materialCategory: app.materialCategory!,
      statusIndex,
      crew: crew.claims(passNumber),
    });
    const pass = manager.create(PassEntity, {
      id: passId,
      passNumber,
      issuerCode,
      routingCounty: app.reviewSteps[0]!.jurisdictionCode,
      statusIndex,
      applicationId: app.id,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      vehicleId: vehicle.id,
      plate: vehicle.plate,
      plateColour: vehicle.plateColour,
      vehicleType: vehicle.vehicleType,
      crew: crew.crew,
      materialCategory: app.materialCategory!,
      materialDescription: app.materialDescription!,
      originCode: app.originCode!,
      destinationCode: app.destinationCode!,
      waypointCodes: app.waypointCodes,
      validFrom: app.validFrom!,
      validTo: app.validTo!,
      // The department recorded for the jurisdiction; the official's own free text for one not yet recorded.
      issuingDepartment: department?.name ?? official.department ?? '通行证核发单位',
      issuedAt: new Date(signed.issuedAt),
      issuedBy: official.id,
      tokenDigits: signed.digits,
      tokenKid: signed.kid,
      status: 'active',
      endedAt: null,
      endReason: null,
      supersededBy: null,
      quotaJurisdiction: quota?.jurisdictionCode ?? null,
      quotaPeriod: quota?.period ?? null,
    });
    // A plain INSERT (see insertRows for why), left to the caller to run with its last writes in one round trip.
    const writes = [insertStatement(manager, PassEntity, [pass])];
    const audited: AuditedChange[] = [];
    for (const old of overlapping) {
      await this.statusList.recordChange(manager, old.statusIndex, 'superseded');
      await manager.update(
        PassEntity,
        { id: old.id, status: 'active' },
        { status: 'superseded', endedAt: new Date(), endReason: `由新证 ${passNumber} 替代`, supersededBy: pass.id },
      );
      audited.push({
        actor: null,
        entry: {
          action: 'pass.supersede',
          entityType: 'pass',
          entityId: old.id,
          before: { status: 'active' },
          after: { status: 'superseded', supersededBy: passNumber },
        },
      });
      await this.notices.superseded(manager, old, passNumber);
    }
    audited.push({
      actor: official,
      entry: {
        action: 'pass.issue',
        entityType: 'pass',
        entityId: pass.id,
        after: {
          passNumber,
          applicationId: app.id,
          plate: vehicle.plate,
          validFrom: pass.validFrom,
          validTo: pass.validTo,
        },
      },
    });
    return { pass, audited, writes };
  }
}

/** Refuses, when read, an enterprise with `cap` active passes already (counted one approval at a time: guardLocks). */
function capStatement(enterpriseId: string, today: string, cap: number): ReadingStatement<void> {
  return {
    sql: "SELECT COUNT(*) AS n FROM passes WHERE enterprise_id = ? AND status = 'active' AND valid_to >= ?",
    params: [enterpriseId, today],
    read: ([row]) => {
      if (Number(row?.n) >= cap) throw new DomainException(ErrorCode.EnterprisePassLimitReached);
    },
  };
}

/** The ids of the plate's active passes over any of these days (a plain read: see issue() for why). */
function overlapStatement(vehicle: GuardedVehicle, validFrom: string, validTo: string): ReadingStatement<string[]> {
  return {
    sql: `SELECT id FROM passes WHERE plate = ? AND plate_colour = ? AND status = 'active'
          AND valid_to >= ? AND valid_from <= ?`,
    params: [vehicle.plate, vehicle.plateColour, validFrom, validTo],
    read: (rows) => rows.map((row) => row.id as string),
  };
}
