import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AttachmentKind, type AttachmentView, ErrorCode, maxAttachmentBytes, Role } from '@pass/shared';
import { DataSource, In } from 'typeorm';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { enterpriseOf } from '../vehicles/vehicles.service.js';
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
  };
}

@Injectable()
export class AttachmentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  async upload(
    actor: RequestActor,
    kind: AttachmentKind,
    originalName: string,
    content: Buffer,
  ): Promise<AttachmentView> {
    const enterpriseId = enterpriseOf(actor);
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
      const repo = this.dataSource.getRepository(AttachmentEntity);
      const saved = await repo.save(
        repo.create({
          id,
          enterpriseId,
          kind,
          mimeType,
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          storageKey,
          originalName: originalName.slice(0, 200),
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
    const rows = await this.dataSource
      .getRepository(AttachmentEntity)
      .find({ where: { enterpriseId: enterpriseOf(actor) }, order: { createdAt: 'DESC' }, take: 200 });
    return rows.map(toAttachmentView);
  }

  async content(actor: RequestActor, id: string): Promise<{ attachment: AttachmentEntity; bytes: Buffer }> {
    const attachment = await this.dataSource.getRepository(AttachmentEntity).findOneBy({ id });
    const allowed = attachment && (actor.role === Role.Admin || attachment.enterpriseId === actor.enterpriseId);
    if (!attachment || !allowed) throw new DomainException(ErrorCode.NotFound, '未找到该附件');
    return { attachment, bytes: await this.storage.get(attachment.storageKey) };
  }

  async viewsById(ids: readonly string[]): Promise<AttachmentView[]> {
    if (ids.length === 0) return [];
    return (await this.dataSource.getRepository(AttachmentEntity).findBy({ id: In([...ids]) })).map(toAttachmentView);
  }

  /** An attachment and its bytes for a caller that has already checked the scope (a reviewer's application). */
  async contentById(id: string): Promise<{ attachment: AttachmentEntity; bytes: Buffer } | null> {
    const attachment = await this.dataSource.getRepository(AttachmentEntity).findOneBy({ id });
    return attachment ? { attachment, bytes: await this.storage.get(attachment.storageKey) } : null;
  }

  /** Refuses ids that are not the enterprise's own uploads; an application can only cite its own files. */
  async assertOwned(enterpriseId: string, ids: readonly string[]): Promise<AttachmentEntity[]> {
    if (ids.length === 0) return [];
    const found = await this.dataSource.getRepository(AttachmentEntity).findBy({ id: In([...ids]), enterpriseId });
    if (found.length !== new Set(ids).size) throw new DomainException(ErrorCode.NotFound, '未找到该附件');
    return found;
  }
}
