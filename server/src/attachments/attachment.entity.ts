import type { AttachmentKind } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column } from '../database/columns.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

/** An uploaded supporting document; the bytes live in AttachmentStorage under `storageKey`. */
@Entity('attachments')
@Index('idx_attachments_enterprise', ['enterpriseId', 'createdAt'])
export class AttachmentEntity extends BaseRecord {
  @column.id('enterprise_id') enterpriseId: string;

  @References(() => EnterpriseEntity, 'fk_attachments_enterprise') enterprise?: EnterpriseEntity;

  @column.text(32) kind: AttachmentKind;

  /** Sniffed from the content, never taken from the upload's declared type. */
  @column.text(64, 'mime_type') mimeType: string;
  @column.int('size_bytes') sizeBytes: number;
  @column.digest() sha256: string;
  @column.text(200, 'storage_key') storageKey: string;
  @column.text(200, 'original_name') originalName: string;
}
