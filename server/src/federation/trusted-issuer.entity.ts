import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/**
 * Another province's issuer whose passes this deployment verifies (全国互认): its signed issuer
 * document as last accepted, and where its revocation status list stands. One per issuer region.
 */
@Entity('trusted_issuers')
@Index('uq_trusted_issuers_region', ['issuerRegion'], { unique: true })
export class TrustedIssuerEntity extends BaseRecord {
  @Column({ name: 'issuer_region', type: 'varchar', length: 6 })
  issuerRegion: string;

  @Column({ name: 'issuer_name', type: 'varchar', length: 60 })
  issuerName: string;

  /** SHA-256 hex of the key that signed the accepted document (changes when the issuer rotates). */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  /** active | suspended */
  @Column({ type: 'varchar', length: 12 })
  status: 'active' | 'suspended';

  /** The accepted issuer document exactly as signed (SignedDocument JSON): re-checked on every load. */
  @Column({ type: 'text' })
  document: string;

  @Column({ name: 'document_synced_at', type: 'datetime', precision: 3 })
  documentSyncedAt: Date;

  /** Size (number of status indexes) and version of the issuer's status list as last applied. */
  @Column({ name: 'status_list_size', type: 'int', nullable: true })
  statusListSize: number | null;

  @Column({ name: 'status_list_version', type: 'int', nullable: true })
  statusListVersion: number | null;

  /** `generatedAt` of the issuer's status list as last applied: its age is what verification flags. */
  @Column({ name: 'status_generated_at', type: 'datetime', precision: 3, nullable: true })
  statusGeneratedAt: Date | null;

  @Column({ name: 'status_synced_at', type: 'datetime', precision: 3, nullable: true })
  statusSyncedAt: Date | null;

  @Column({ name: 'last_sync_error', type: 'varchar', length: 300, nullable: true })
  lastSyncError: string | null;
}
