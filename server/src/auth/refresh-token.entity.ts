import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/** One refresh token, stored as its SHA-256; rotated on every use so a stolen copy is noticed. */
@Entity('refresh_tokens')
@Index('uq_refresh_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_refresh_tokens_account', ['accountId'])
export class RefreshTokenEntity extends BaseRecord {
  @column.id('account_id') accountId: string;
  @column.digest('token_hash') tokenHash: string;
  @column.timestamp('expires_at') expiresAt: Date;
  @column.timestamp('revoked_at', nullable) revokedAt: Date | null;
}
