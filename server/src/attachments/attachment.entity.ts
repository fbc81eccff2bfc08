import type { AttachmentKind } from '@pass/shared';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

/** An uploaded supporting document; the bytes live in AttachmentStorage under `storageKey`. */
@Entity('attachments')
@Index('idx_attachments_enterprise', ['enterpriseId', 'createdAt'])
export class AttachmentEntity extends BaseRecord {
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36 })
  enterpriseId: string;

  @References(() => EnterpriseEntity, 'enterprise_id', 'fk_attachments_enterprise')
  enterprise?: EnterpriseEntity;

  @Column({ type: 'varchar', length: 32 })
  kind: AttachmentKind;

  /** Sniffed from the content, never taken from the upload's declared type. */
  @Column({ name: 'mime_type', type: 'varchar', length: 64 })
  mimeType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ name: 'original_name', type: 'varchar', length: 200 })
  originalName: string;
}
