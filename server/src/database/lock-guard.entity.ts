import { Entity, PrimaryColumn } from 'typeorm';

/**
 * Rows that exist only to be locked: `SELECT … FOR UPDATE` needs a row, and some invariants have
 * none of their own — a plate registered by several enterprises (`plate:苏A12345:yellow`), an
 * account's sign-in attempts (`login:13800000000`), an address's sign-in attempts and registrations
 * (`login-ip:…`, `register:…`). See lockGuard.
 */
@Entity('lock_guards')
export class LockGuardEntity {
  @PrimaryColumn({ name: 'guard_key', type: 'varchar', length: 64 })
  guardKey: string;
}
