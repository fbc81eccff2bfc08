import { Entity, PrimaryColumn } from 'typeorm';

/**
 * A row per vehicle plate (`plate:苏A12345:yellow`) that approvals lock before they look at the
 * plate's other passes, whichever enterprise registered the vehicle (see lockIssuanceGuards).
 */
@Entity('issuance_guards')
export class IssuanceGuardEntity {
  @PrimaryColumn({ name: 'guard_key', type: 'varchar', length: 64 })
  guardKey: string;
}
