import { Entity } from 'typeorm';
import { column } from '../database/columns.js';

/**
 * How many applications wait at a review step (`side` 'current'), or would be escalated to it once
 * overdue (`side` 'escalation'), per hour in which they fall due (`due_hour`: hours since 1970 UTC;
 * `noDueHour` when there is no due time). Kept exactly by each transition in its own transaction
 * (step-counts.ts), so the counters read a few rows instead of counting every waiting application.
 */
@Entity('review_step_counts')
export class ReviewStepCountEntity {
  @column.primaryText(6) jurisdiction: string;
  @column.primaryText(10) level: string;
  @column.primaryText(10) side: string;
  @column.primaryInt('due_hour') dueHour: number;
  @column.int() n: number;
}
