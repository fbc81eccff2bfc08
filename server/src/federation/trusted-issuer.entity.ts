import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/**
 * Another province's issuer whose passes this deployment verifies (全国互认): its signed issuer
 * document as last accepted, and where its revocation status list stands. One per issuer region.
 */
@Entity('trusted_issuers')
@Index('uq_trusted_issuers_region', ['issuerRegion'], { unique: true })
export class TrustedIssuerEntity extends BaseRecord {
  @column.regionCode('issuer_region') issuerRegion: string;
  @column.text(60, 'issuer_name') issuerName: string;

  /** The key that signed the accepted document (changes when the issuer rotates). */
  @column.digest() fingerprint: string;
  @column.text(12) status: 'active' | 'suspended';

  /** The accepted issuer document exactly as signed (SignedDocument JSON): re-checked on every load. */
  @column.longText() document: string;
  @column.timestamp('document_synced_at') documentSyncedAt: Date;

  /** Size (number of status indexes) and version of the issuer's status list as last applied. */
  @column.int('status_list_size', nullable) statusListSize: number | null;
  @column.int('status_list_version', nullable) statusListVersion: number | null;

  /** `generatedAt` of the issuer's status list as last applied: its age is what verification flags. */
  @column.timestamp('status_generated_at', nullable) statusGeneratedAt: Date | null;
  @column.timestamp('status_synced_at', nullable) statusSyncedAt: Date | null;
  @column.text(300, 'last_sync_error', nullable) lastSyncError: string | null;
}
