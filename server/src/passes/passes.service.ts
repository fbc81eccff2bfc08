import { Inject, Injectable } from '@nestjs/common';
import type { PassView } from '@pass/shared';
import {
  assertPassTransition,
  chinaToday,
  decimalToBytes,
  ErrorCode,
  encodePageCursor,
  encodePassUrl,
  findMaterialCategory,
  jurisdictionCovers,
  type Page,
  type PageCursor,
  Role,
} from '@pass/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { PassDocumentService } from '../pass-documents/pass-document.service.js';
import { QuotaAllocationEntity } from '../quotas/quota-allocation.entity.js';
import { StatusListService } from '../verification/status-list.service.js';
import { PassEntity } from './pass.entity.js';
import { toPassView } from './pass.view.js';

/** Issued passes as their holders and issuers see them, their QR and PDF, and revocation. */
@Injectable()
export class PassesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: PassDocumentService,
    private readonly audit: AuditService,
    private readonly statusList: StatusListService,
    private readonly departments: DepartmentsService,
  ) {}

  urlOf(pass: PassEntity): string {
    // The digits were written by bytesToDecimal at issue, so they always decode.
    return encodePassUrl(this.config.publicBaseUrl, decimalToBytes(pass.tokenDigits)!);
  }

  view(pass: PassEntity): PassView {
    return toPassView(pass, this.urlOf(pass));
  }

  /** A fleet manager's own passes, or those an official's jurisdiction reviewed or issued; newest first. */
  async list(actor: RequestActor, after?: PageCursor, limit = 20): Promise<Page<PassView>> {
    const query = this.dataSource.getRepository(PassEntity).createQueryBuilder('p');
    if (actor.role === Role.FleetManager) {
      query.where('p.enterprise_id = :enterpriseId', { enterpriseId: actor.enterpriseId ?? '' });
    } else if (actor.role === Role.Official) {
      const prefix = `${jurisdictionPrefix(actor.jurisdictionCode ?? '')}%`;
      query.where('(p.routing_county LIKE :prefix OR p.issuer_code LIKE :prefix)', { prefix });
    } else if (actor.role !== Role.Admin) {
      throw new DomainException(ErrorCode.Forbidden);
    }
    if (after) {
      query.andWhere('(p.issued_at < :at OR (p.issued_at = :at AND p.id < :id))', {
        at: after.createdAt,
        id: after.id,
      });
    }
    const rows = await query
      .orderBy('p.issued_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((p) => this.view(p)),
      nextCursor: rows.length > limit && last ? encodePageCursor(last.issuedAt, last.id) : null,
    };
  }

  async get(actor: RequestActor, id: string): Promise<PassEntity> {
    const pass = await this.dataSource.getRepository(PassEntity).findOneBy({ id });
    if (!pass || !this.canSee(actor, pass)) throw new DomainException(ErrorCode.PassNotFound);
    return pass;
  }

  qrPng(pass: PassEntity): Promise<Buffer> {
    return this.documents.qrPng(this.urlOf(pass));
  }

  qrSvg(pass: PassEntity): string {
    return this.documents.qrSvg(this.urlOf(pass));
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
        await this.refundQuota(manager, pass.quotaJurisdiction, pass.quotaPeriod);
      }
      await this.statusList.recordChange(manager, pass.statusIndex, 'revoked');
      await this.audit.record(manager, actor, {
        action: 'pass.revoke',
        entityType: 'pass',
        entityId: pass.id,
        before: { status: 'active' },
        after: { status: 'revoked', reason },
      });
      return manager.findOneByOrFail(PassEntity, { id: pass.id });
    });
    return this.view(revoked);
  }

  private async refundQuota(manager: EntityManager, jurisdictionCode: string, period: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(QuotaAllocationEntity)
      .set({ used: () => 'used - 1', updatedAt: new Date() })
      .where('jurisdiction_code = :jurisdictionCode AND period = :period AND used > 0', { jurisdictionCode, period })
      .execute();
  }

  canSee(actor: RequestActor, pass: PassEntity): boolean {
    switch (actor.role) {
      case Role.Admin:
        return true;
      case Role.FleetManager:
        return pass.enterpriseId === actor.enterpriseId;
      case Role.Official: {
        const jurisdiction = actor.jurisdictionCode ?? '';
        return (
          jurisdictionCovers(jurisdiction, pass.routingCounty) || jurisdictionCovers(jurisdiction, pass.issuerCode)
        );
      }
      default:
        return false;
    }
  }
}

/** The code prefix a jurisdiction covers: a province its first 2 digits, a city 4, a county all 6. */
export function jurisdictionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
