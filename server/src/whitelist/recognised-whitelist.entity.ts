import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column } from '../database/columns.js';

/** Another province's whitelist as last imported here (白名单互认): one per issuer region. */
@Entity('recognised_whitelists')
@Index('uq_recognised_whitelists_region', ['issuerRegion'], { unique: true })
export class RecognisedWhitelistEntity extends BaseRecord {
  @column.regionCode('issuer_region') issuerRegion: string;
  @column.text(60, 'issuer_name') issuerName: string;
  /** `generatedAt` of the export: an older export never replaces a newer one. */
  @column.timestamp('exported_at') exportedAt: Date;
  @column.int('entry_count') entryCount: number;
}
