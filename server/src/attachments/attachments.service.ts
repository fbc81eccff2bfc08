import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AttachmentUploadQuery,
  type AttachmentView,
  attachmentKindNames,
  chinaToday,
  ErrorCode,
  maxAttachmentBytes,
  Role,
} from '@pass/shared';
import { Brackets, type EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { DriversService } from '../drivers/drivers.service.js';
import { enterpriseOf, VehiclesService } from '../vehicles/vehicles.service.js';
import { AttachmentEntity } from './attachment.entity.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage.js';
import { sniffMimeType } from './sniff.js';

export function toAttachmentView(a: AttachmentEntity): AttachmentView {
  return {
    id: a.id,
    kind: a.kind,
    mimeType: a.mimeType,
    sizeBytes: a.sizeBytes,
    originalName: a.originalName,
    createdAt: a.createdAt.toISOString(),
    vehicleId: a.vehicleId,
    driverId: a.driverId,
    expiresOn: a.expiresOn,
  };
}

/** The newest upload of each holder and kind, from rows ordered newest first: the current documents. */
function currentOf(newestFirst: readonly AttachmentEntity[]): AttachmentEntity[] {
  const seen = new Set<string>();
  return newestFirst.filter((a) => {
    const key = `${a.vehicleId ?? ''}/${a.driverId ?? ''}/${a.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectRepository(AttachmentEntity) private readonly attachments: Repository<AttachmentEntity>,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly vehicles: VehiclesService,
    private readonly drivers: DriversService,
  ) {}

  /** A document for the applications to come, or (`vehicleId`, `driverId`) one its vehicle or person holds. */
  async upload(
    actor: RequestActor,
    { kind, vehicleId, driverId, expiresOn }: AttachmentUploadQuery,
    originalName: string,
    content: Buffer,
  ): Promise<AttachmentView> {
    const enterpriseId = enterpriseOf(actor);
    const manager = this.attachments.manager;
    if (vehicleId && !(await this.vehicles.isOwnedBy(manager, enterpriseId, vehicleId))) {
      throw new DomainException(ErrorCode.NotFound, '未找到该车辆');
    }
    if (driverId && (await this.drivers.countOwnedBy(manager, enterpriseId, [driverId])) !== 1) {
      throw new DomainException(ErrorCode.NotFound, '未找到该人员');
    }
    if (expiresOn && expiresOn < chinaToday()) {
      throw new DomainException(
        ErrorCode.DocumentExpired,
        `该${attachmentKindNames[kind]}已过期，请上传有效期内的证件`,
      );
    }
    if (content.length === 0) throw new DomainException(ErrorCode.ValidationFailed, '文件为空');
    if (content.length > maxAttachmentBytes) {
      throw new DomainException(ErrorCode.ValidationFailed, `文件不能超过${maxAttachmentBytes / 1024 / 1024}MB`);
    }
    const mimeType = sniffMimeType(content);
    if (!mimeType) throw new DomainException(ErrorCode.ValidationFailed, '只能上传 JPG、PNG 图片或 PDF 文件');

    const id = randomUUID();
    const storageKey = `${enterpriseId}/${id}`;
    await this.storage.put(storageKey, content);
    try {
      const saved = await this.attachments.save(
        this.attachments.create({
          id,
          enterpriseId,
          kind,
          mimeType,
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          storageKey,
          originalName: originalName.slice(0, 200),
          vehicleId: vehicleId ?? null,
          driverId: driverId ?? null,
          expiresOn: expiresOn ?? null,
        }),
      );
      return toAttachmentView(saved);
    } catch (error) {
      // Keep no bytes that no record points to.
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  async list(actor: RequestActor): Promise<AttachmentView[]> {
    const rows = await this.attachments.find({
      where: { enterpriseId: enterpriseOf(actor) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map(toAttachmentView);
  }

  /** The current documents the enterprise's vehicles and people hold (the newest of each holder and kind). */
  async held(actor: RequestActor): Promise<AttachmentView[]> {
    const enterpriseId = enterpriseOf(actor);
    const rows = await this.attachments.find({
      where: [
        { enterpriseId, vehicleId: Not(IsNull()) },
        { enterpriseId, driverId: Not(IsNull()) },
      ],
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return currentOf(rows).map(toAttachmentView);
  }

  /** The current documents of a vehicle and people of the enterprise, read in the caller's transaction. */
  async currentHeldBy(
    manager: EntityManager,
    enterpriseId: string,
    vehicleId: string | null,
    driverIds: readonly string[],
  ): Promise<AttachmentEntity[]> {
    if (!vehicleId && driverIds.length === 0) return [];
    const rows = await manager
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .where('a.enterprise_id = :enterpriseId', { enterpriseId })
      .andWhere(
        new Brackets((holder) => {
          if (vehicleId) holder.orWhere('a.vehicle_id = :vehicleId', { vehicleId });
          if (driverIds.length) holder.orWhere('a.driver_id IN (:...driverIds)', { driverIds: [...driverIds] });
        }),
      )
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
    return currentOf(rows);
  }

  async content(actor: RequestActor, id: string): Promise<{ attachment: AttachmentEntity; bytes: Buffer }> {
    const attachment = await this.attachments.findOneBy({ id });
    const allowed = attachment && (actor.role === Role.Admin || attachment.enterpriseId === actor.enterpriseId);
    if (!attachment || !allowed) throw new DomainException(ErrorCode.NotFound, '未找到该附件');
    return { attachment, bytes: await this.storage.get(attachment.storageKey) };
  }

  /** The attachments in the order given. */
  async viewsById(ids: readonly string[]): Promise<AttachmentView[]> {
    if (ids.length === 0) return [];
    const found = await this.attachments.findBy({ id: In([...ids]) });
    return ids.flatMap((id) => found.filter((a) => a.id === id).map(toAttachmentView));
  }

  /** An attachment and its bytes for a caller that has already checked the scope (a reviewer's application). */
  async contentById(id: string): Promise<{ attachment: AttachmentEntity; bytes: Buffer } | null> {
    const attachment = await this.attachments.findOneBy({ id });
    return attachment ? { attachment, bytes: await this.storage.get(attachment.storageKey) } : null;
  }

  /** Refuses ids that are not the enterprise's own uploads; an application can only cite its own files. */
  async assertOwned(enterpriseId: string, ids: readonly string[]): Promise<AttachmentEntity[]> {
    if (ids.length === 0) return [];
    const found = await this.attachments.findBy({ id: In([...ids]), enterpriseId });
    if (found.length !== new Set(ids).size) throw new DomainException(ErrorCode.NotFound, '未找到该附件');
    return found;
  }
}
