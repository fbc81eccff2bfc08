import type { Role } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { CheckpointEntity } from '../checkpoints/checkpoint.entity.js';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

@Entity('accounts')
@Index('uq_accounts_phone', ['phone'], { unique: true })
@Index('uq_accounts_wechat_openid', ['wechatOpenid'], { unique: true })
@Index('idx_accounts_role_jurisdiction', ['role', 'jurisdictionCode'])
export class AccountEntity extends BaseRecord {
  /** Login name for phone/password sign-in (H5); mainland mobile number. */
  @column.phone() phone: string;
  @column.personName() name: string;
  @column.role() role: Role;
  @column.text(255, 'password_hash') passwordHash: string;

  /** Fleet managers act for exactly one enterprise. */
  @column.id('enterprise_id', nullable) enterpriseId: string | null;

  @References(() => EnterpriseEntity, 'fk_accounts_enterprise', nullable) enterprise?: EnterpriseEntity | null;

  /** Officials: the GB/T 2260 code of the jurisdiction they review for. */
  @column.regionCode('jurisdiction_code', nullable) jurisdictionCode: string | null;

  /** Officials: their department, e.g. 工业和信息化局. */
  @column.text(50, nullable) department: string | null;

  /** Officials: the step of the approval chain they act at (district, city, province). */
  @column.text(10, 'review_level', nullable) reviewLevel: string | null;

  @column.id('checkpoint_id', nullable) checkpointId: string | null;

  @References(() => CheckpointEntity, 'fk_accounts_checkpoint', nullable) checkpoint?: CheckpointEntity | null;

  @column.text(64, 'wechat_openid', nullable) wechatOpenid: string | null;

  /** Set when an admin stops the account; it cannot sign in or renew its session. */
  @column.timestamp('disabled_at', nullable) disabledAt: Date | null;

  /** The password was set by an admin: the holder must choose a new one before anything else. */
  @column.flag('must_change_password') mustChangePassword: boolean;

  /** When the holder last chose their password; null until they do (staff passwords expire by settings). */
  @column.timestamp('password_changed_at', nullable) passwordChangedAt: Date | null;
}
