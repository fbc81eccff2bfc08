import type { AttachmentKind } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

/**
 * An uploaded supporting document; the bytes live in AttachmentStorage under `storageKey`. A 行驶证,
 * 驾驶证 or 押运员证 belongs to its vehicle or person, with its expiry (held-documents.ts in shared).
 * A row is never changed: a replacement is a new upload, so what an application cited stays as it was.
 */
@Entity('attachments')
@Index('idx_attachments_enterprise', ['enterpriseId', 'createdAt'])
@Index('idx_attachments_vehicle', ['vehicleId', 'kind', 'createdAt'])
@Index('idx_attachments_driver', ['driverId', 'kind', 'createdAt'])
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

  /** The vehicle (行驶证) or person (驾驶证, 押运员证) holding it; no foreign key, see the migration. */
  @column.id('vehicle_id', nullable) vehicleId: string | null;
  @column.id('driver_id', nullable) driverId: string | null;
  @column.day('expires_on', nullable) expiresOn: string | null;
}
