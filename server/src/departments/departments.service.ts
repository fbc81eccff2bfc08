import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type IssuingDepartment,
  type IssuingDepartmentRequest,
  type IssuingDepartmentView,
  issuingDepartmentOf,
  jurisdictionCovers,
  validateRegionCode,
} from '@pass/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/errors.js';
import { lockGuard } from '../database/lock-guard.js';
import { writeLock } from '../database/locks.js';
import { IssuingDepartmentEntity } from './issuing-department.entity.js';

/** How long a process keeps the departments for online verdicts when nothing here changed them. */
const entriesCacheMs = 5_000;

const toView = (d: IssuingDepartmentEntity): IssuingDepartmentView => ({
  regionCode: d.regionCode,
  name: d.name,
  dutyPhone: d.dutyPhone,
  updatedAt: d.updatedAt.toISOString(),
});

/** The issuing departments and their duty phones: kept by the admin, read by trust list, PDF and verdicts. */
@Injectable()
export class DepartmentsService {
  private cachedEntries?: { entries: IssuingDepartment[]; until: number };

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** `manager`: read inside the caller's transaction (SQLite has one connection). */
  async list(manager: EntityManager = this.dataSource.manager): Promise<IssuingDepartmentView[]> {
    const rows = await manager.find(IssuingDepartmentEntity, { order: { regionCode: 'ASC' } });
    return rows.map(toView);
  }

  /**
   * For the trust list and every online verdict: every department of this issuer. Online verification
   * asks on each request, so outside a transaction the list is kept for a few seconds per process; a
   * save here drops it at once, another server process sees the change within `entriesCacheMs`.
   */
  async trustListEntries(manager?: EntityManager): Promise<IssuingDepartment[]> {
    return manager ? this.readEntries(manager) : this.cachedEntriesRead();
  }

  /**
   * trustListEntries' cache for what is printed on a pass (issuance asks on every approval). Read, when
   * it is stale, in the caller's transaction if it has one: on SQLite a read outside it would wait for it.
   */
  private async cachedEntriesRead(manager?: EntityManager): Promise<IssuingDepartment[]> {
    const now = Date.now();
    if (this.cachedEntries && this.cachedEntries.until > now) return this.cachedEntries.entries;
    const entries = await this.readEntries(manager);
    this.cachedEntries = { entries, until: now + entriesCacheMs };
    return entries;
  }

  private async readEntries(manager?: EntityManager): Promise<IssuingDepartment[]> {
    return (await this.list(manager)).map(({ regionCode, name, dutyPhone }) => ({ regionCode, name, dutyPhone }));
  }

  /** The department answering for passes numbered under `issuerCode` (its own, else the nearest above). */
  async forIssuer(issuerCode: string, manager?: EntityManager): Promise<IssuingDepartment | undefined> {
    const departments = await this.cachedEntriesRead(manager);
    return issuingDepartmentOf({ generatedAt: '', keys: [], departments }, issuerCode);
  }

  /** Records (or changes) the department of one jurisdiction of this province; audited. */
  async save(actor: RequestActor, regionCodeInput: string, request: IssuingDepartmentRequest) {
    const region = validateRegionCode(regionCodeInput);
    if (!region.ok) {
      throw new DomainException(ErrorCode.ValidationFailed, region.message, [
        { path: 'regionCode', message: region.message },
      ]);
    }
    const province = this.config.signing.issuerRegion;
    if (!jurisdictionCovers(province, region.value)) {
      const message = '只能设置本省（本签发系统辖区）内的核发单位';
      throw new DomainException(ErrorCode.ValidationFailed, message, [{ path: 'regionCode', message }]);
    }
    try {
      const view = await this.dataSource.transaction(async (manager) => {
        // Before the first read: two admins recording a new jurisdiction at once would otherwise both
        // take gap locks on MariaDB and deadlock on their inserts.
        await lockGuard(manager, `department:${region.value}`);
        const existing = await manager.findOne(IssuingDepartmentEntity, {
          where: { regionCode: region.value },
          lock: writeLock(manager),
        });
        const before = existing ? toView(existing) : undefined;
        const saved = await manager.save(
          manager.create(IssuingDepartmentEntity, {
            regionCode: region.value,
            name: request.name,
            dutyPhone: request.dutyPhone,
            updatedAt: new Date(),
          }),
        );
        await this.audit.record(manager, actor, {
          action: existing ? 'department.update' : 'department.create',
          entityType: 'issuing_department',
          entityId: region.value,
          ...(before ? { before: { name: before.name, dutyPhone: before.dutyPhone } } : {}),
          after: { name: request.name, dutyPhone: request.dutyPhone },
        });
        return toView(saved);
      });
      this.cachedEntries = undefined;
      return view;
    } catch (error) {
      // Two admins recording the same new jurisdiction at once: the second insert loses.
      if (isUniqueViolation(error))
        throw new DomainException(ErrorCode.Conflict, '该辖区的核发单位刚被他人设置，请刷新后重试');
      throw error;
    }
  }
}
