import type { Role } from '@pass/shared';
import { Column, Entity, Index } from 'typeorm';
import { CheckpointEntity } from '../checkpoints/checkpoint.entity.js';
import { BaseRecord } from '../database/base-record.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

@Entity('accounts')
@Index('uq_accounts_phone', ['phone'], { unique: true })
@Index('uq_accounts_wechat_openid', ['wechatOpenid'], { unique: true })
@Index('idx_accounts_role_jurisdiction', ['role', 'jurisdictionCode'])
export class AccountEntity extends BaseRecord {
  /** Login name for phone/password sign-in (H5); mainland mobile number. */
  @Column({ type: 'varchar', length: 11 })
  phone: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** Fleet managers act for exactly one enterprise. */
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36, nullable: true })
  enterpriseId: string | null;

  @References(() => EnterpriseEntity, 'enterprise_id', 'fk_accounts_enterprise', { nullable: true })
  enterprise?: EnterpriseEntity | null;

  /** Officials: the GB/T 2260 code of the jurisdiction they review for. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 6, nullable: true })
  jurisdictionCode: string | null;

  /** Officials: their department, e.g. 工业和信息化局. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  department: string | null;

  /** Officials: the step of the approval chain they act at (district, city, province). */
  @Column({ name: 'review_level', type: 'varchar', length: 10, nullable: true })
  reviewLevel: string | null;

  @Column({ name: 'checkpoint_id', type: 'varchar', length: 36, nullable: true })
  checkpointId: string | null;

  @References(() => CheckpointEntity, 'checkpoint_id', 'fk_accounts_checkpoint', { nullable: true })
  checkpoint?: CheckpointEntity | null;

  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid: string | null;

  /** Set when an admin stops the account; it cannot sign in or renew its session. */
  @Column({ name: 'disabled_at', type: 'datetime', precision: 3, nullable: true })
  disabledAt: Date | null;

  /** The password was set by an admin: the holder must choose a new one before anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** When the holder last chose their password; null until they do (staff passwords expire by settings). */
  @Column({ name: 'password_changed_at', type: 'datetime', precision: 3, nullable: true })
  passwordChangedAt: Date | null;
}
