import { Entity } from 'typeorm';
import { column } from '../database/columns.js';

/**
 * How many passes were issued on a China date, per routing county, issuer and material category: the
 * statistics' figures for days that are over (a pass's issue time never changes and passes are never
 * deleted, so a past day's counts are final). Written once per day by IssuedDayCounts.
 */
@Entity('issued_day_counts')
export class IssuedDayCountEntity {
  @column.primaryText(10) day: string;
  @column.primaryText(6, 'routing_county') routingCounty: string;
  @column.primaryText(6, 'issuer_code') issuerCode: string;
  @column.primaryText(32) category: string;
  @column.int() n: number;
}

/** The China dates whose counts are in `issued_day_counts`, each written in one transaction. */
@Entity('issued_days')
export class IssuedDayEntity {
  @column.primaryText(10) day: string;
}
