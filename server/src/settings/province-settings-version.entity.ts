import type { ProvinceSettings } from '@pass/shared';
import { Entity, PrimaryColumn } from 'typeorm';
import { column, nullable } from '../database/columns.js';

/**
 * One version of the province's rules. Rows are only ever added: the highest version applies, and the
 * primary key makes two concurrent changes from the same version impossible.
 */
@Entity('province_settings')
export class ProvinceSettingsVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @column.json() document: ProvinceSettings;
  @column.timestamp('created_at') createdAt: Date;

  /** Null for version 1, seeded from the environment's preset. */
  @column.id('created_by', nullable) createdBy: string | null;
}
