import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/** One refresh token, stored as its SHA-256; rotated on every use so a stolen copy is noticed. */
@Entity('refresh_tokens')
@Index('uq_refresh_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_refresh_tokens_account', ['accountId'])
export class RefreshTokenEntity extends BaseRecord {
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
