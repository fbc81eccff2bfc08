import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CheckpointView,
  CloneAlertState,
  CloneAlertView,
  ResolveCloneAlertRequest,
  ScanUploadResult,
  TraceStop,
} from '@pass/shared';
import { ErrorCode, type ScanRecord } from '@pass/shared';
import { Between, DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { CheckpointsService } from '../checkpoints/checkpoints.service.js';
import { DomainException } from '../common/domain.exception.js';
import { isUniqueViolation, withDeadlockRetry } from '../database/errors.js';
import { PassesService } from '../passes/passes.service.js';
import { CloneAlertEntity } from './clone-alert.entity.js';
import { CloneAlertNotices } from './clone-alert-notices.js';
import { distanceKm, isImpossibleTrip } from './distance.js';
import { ScanRecordEntity } from './scan-record.entity.js';

/** How far either side of a new scan to look for a contradicting one. */
const cloneWindowMs = 24 * 3_600_000;

/** Scans uploaded by checkpoints (often long after, from offline devices), trip traces and clone alerts. */
@Injectable()
export class ScansService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly passes: PassesService,
    private readonly checkpoints: CheckpointsService,
    private readonly audit: AuditService,
    private readonly notices: CloneAlertNotices,
  ) {}

  /** Stores each record once however often it is sent; returns how many were new. */
  async upload(actor: RequestActor, records: ScanRecord[]): Promise<ScanUploadResult> {
    if (!actor.checkpointId || records.some((r) => r.checkpointId !== actor.checkpointId)) {
      throw new DomainException(ErrorCode.Forbidden, '只能上传本卡口的查验记录');
    }
    return withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        // First, and in index order: the passes scanned. Uploads touching the same pass take turns, so
        // the clone check below (the transaction's first plain read) sees the other upload's scans.
        const numbers = [...new Set(records.map((r) => r.passNumber))].sort();
        const passIds = await this.passes.lockIdsByNumber(manager, numbers);
        const uploadedAt = new Date();
        const stored: ScanRecordEntity[] = [];
        // One insert per record, in id order: a record another upload is inserting at the same moment
        // waits for that upload's commit and then counts here as a duplicate, never as stored twice.
        for (const r of [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
          const row = manager.create(ScanRecordEntity, {
            id: r.id,
            passNumber: r.passNumber,
            passId: passIds.get(r.passNumber) ?? null,
            checkpointId: r.checkpointId,
            scannedAt: new Date(r.scannedAt),
            result: r.result,
            direction: r.direction,
            kind: r.kind,
            reason: r.reason ?? null,
            uploadedBy: actor.id,
            uploadedAt,
          });
          try {
            await manager.insert(ScanRecordEntity, row);
            stored.push(row);
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
          }
        }
        for (const row of stored) if (row.passId) await this.detectClones(manager, row);
        return { stored: stored.length, duplicates: records.length - stored.length };
      }),
    );
  }

  async trace(actor: RequestActor, passId: string): Promise<TraceStop[]> {
    const pass = await this.passes.get(actor, passId);
    const scans = await this.dataSource
      .getRepository(ScanRecordEntity)
      .find({ where: { passId: pass.id }, order: { scannedAt: 'ASC', id: 'ASC' } });
    const checkpoints = await this.checkpointsOf(this.dataSource.manager, scans);
    const alerts = await this.dataSource.getRepository(CloneAlertEntity).findBy({ passId: pass.id });
    const flagged = new Set(alerts.flatMap((a) => [a.firstScanId, a.secondScanId]));
    return scans.map((s) => ({
      scanId: s.id,
      scannedAt: s.scannedAt.toISOString(),
      checkpointName: checkpoints.get(s.checkpointId)?.name ?? '未知卡口',
      regionCode: checkpoints.get(s.checkpointId)?.regionCode ?? '',
      direction: s.direction,
      kind: s.kind,
      reason: s.reason,
      result: s.result,
      cloneSuspected: flagged.has(s.id),
    }));
  }

  /** Clone alerts on passes the official's jurisdiction reviewed or issued: open ones, or those closed. */
  async alerts(actor: RequestActor, state: CloneAlertState = 'open'): Promise<CloneAlertView[]> {
    const query = this.alertsInScope(this.dataSource.manager, actor).andWhere(
      state === 'open' ? 'a.resolved_at IS NULL' : 'a.resolved_at IS NOT NULL',
    );
    const alerts = await query
      .orderBy(state === 'open' ? 'a.created_at' : 'a.resolved_at', 'DESC')
      .take(200)
      .getMany();
    return this.alertViews(alerts);
  }

  /**
   * Closes an open alert as handled or dismissed, with the official's note, audited. The update is
   * conditional on the alert being open, so of two officials closing it at once one wins and the other
   * gets a conflict.
   */
  async resolveAlert(actor: RequestActor, id: string, request: ResolveCloneAlertRequest): Promise<CloneAlertView> {
    const resolved = await this.dataSource.transaction(async (manager) => {
      const alert = await this.alertsInScope(manager, actor).andWhere('a.id = :id', { id }).getOne();
      if (!alert) throw new DomainException(ErrorCode.NotFound, '未找到该告警');
      const now = new Date();
      const { affected } = await manager.update(
        CloneAlertEntity,
        { id, resolvedAt: IsNull() },
        {
          resolution: request.resolution,
          resolutionNote: request.note,
          resolvedBy: actor.id,
          resolvedAt: now,
          updatedAt: now,
        },
      );
      if (affected !== 1) throw new DomainException(ErrorCode.Conflict, '该告警已处理');
      await this.audit.record(manager, actor, {
        action: `clone_alert.${request.resolution}`,
        entityType: 'clone_alert',
        entityId: id,
        before: { resolvedAt: null },
        after: { resolution: request.resolution, note: request.note },
      });
      return manager.findOneByOrFail(CloneAlertEntity, { id });
    });
    return (await this.alertViews([resolved]))[0]!;
  }

  private alertsInScope(manager: EntityManager, actor: RequestActor) {
    const query = manager.getRepository(CloneAlertEntity).createQueryBuilder('a').where('1 = 1');
    if (actor.jurisdictionCode) {
      const passes = this.passes.idsInJurisdiction(actor.jurisdictionCode);
      query.andWhere(`a.pass_id IN (${passes.getQuery()})`, passes.getParameters());
    }
    return query;
  }

  private async alertViews(alerts: CloneAlertEntity[]): Promise<CloneAlertView[]> {
    if (alerts.length === 0) return [];
    const scans = await this.dataSource
      .getRepository(ScanRecordEntity)
      .findBy({ id: In(alerts.flatMap((a) => [a.firstScanId, a.secondScanId])) });
    const passes = await this.passes.findByIds(alerts.map((a) => a.passId));
    const checkpoints = await this.checkpointsOf(this.dataSource.manager, scans);
    const scanOf = (id: string) => scans.find((s) => s.id === id)!;
    const stop = (id: string) => ({
      checkpointName: checkpoints.get(scanOf(id).checkpointId)?.name ?? '未知卡口',
      scannedAt: scanOf(id).scannedAt.toISOString(),
    });
    return alerts.map((a) => {
      const pass = passes.find((p) => p.id === a.passId)!;
      return {
        id: a.id,
        passId: a.passId,
        passNumber: pass.passNumber,
        plate: pass.plate,
        first: stop(a.firstScanId),
        second: stop(a.secondScanId),
        distanceKm: a.distanceKm,
        minutes: a.minutes,
        createdAt: a.createdAt.toISOString(),
        resolution: a.resolution,
        resolutionNote: a.resolutionNote,
        resolvedAt: a.resolvedAt?.toISOString() ?? null,
      };
    });
  }

  /** Compares a new scan with the same pass's scans at other checkpoints around the same time. */
  private async detectClones(manager: EntityManager, scan: ScanRecordEntity): Promise<void> {
    const neighbours = await manager.find(ScanRecordEntity, {
      where: {
        passId: scan.passId!,
        id: Not(scan.id),
        checkpointId: Not(scan.checkpointId),
        scannedAt: Between(
          new Date(scan.scannedAt.getTime() - cloneWindowMs),
          new Date(scan.scannedAt.getTime() + cloneWindowMs),
        ),
      },
    });
    if (neighbours.length === 0) return;
    const checkpoints = await this.checkpointsOf(manager, [scan, ...neighbours]);
    const here = checkpoints.get(scan.checkpointId);
    for (const other of neighbours) {
      const there = checkpoints.get(other.checkpointId);
      if (!here || !there) continue;
      const km = distanceKm(coordinates(here), coordinates(there));
      const minutes = Math.abs(scan.scannedAt.getTime() - other.scannedAt.getTime()) / 60_000;
      if (!isImpossibleTrip(km, minutes)) continue;
      const [first, second] = other.scannedAt <= scan.scannedAt ? [other, scan] : [scan, other];
      try {
        await manager.insert(CloneAlertEntity, {
          id: randomUUID(),
          passId: scan.passId!,
          firstScanId: first.id,
          secondScanId: second.id,
          distanceKm: Math.round(km),
          minutes: Math.round(minutes),
          resolvedAt: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        });
        await this.notices.alertRaised(manager, scan.passId!, km, minutes);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  private async checkpointsOf(manager: EntityManager, scans: ScanRecordEntity[]) {
    return this.checkpoints.viewsById([...new Set(scans.map((s) => s.checkpointId))], manager);
  }
}

const coordinates = (c: CheckpointView) => ({ latitude: c.latitude, longitude: c.longitude });
