import type { ProvinceSettings } from '@pass/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One version of the province's rules. Rows are only ever added: the highest version applies, and the
 * primary key makes two concurrent changes from the same version impossible.
 */
@Entity('province_settings')
export class ProvinceSettingsVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'simple-json' })
  document: ProvinceSettings;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** Null for version 1, seeded from the environment's preset. */
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;
}
