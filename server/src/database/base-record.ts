import { randomUUID } from 'node:crypto';
import { BeforeInsert, BeforeUpdate } from 'typeorm';
import { column, nullable } from './columns.js';

/**
 * Id and timestamps of every table, set by the application rather than by column defaults: MySQL
 * and SQLite spell defaults differently, and one set of migrations must build the same schema on both.
 */
export abstract class BaseRecord {
  @column.primaryId() id: string;
  @column.timestamp('created_at') createdAt: Date;
  @column.timestamp('updated_at') updatedAt: Date;

  @BeforeInsert()
  protected stampInsert(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
    this.updatedAt ??= this.createdAt;
  }

  @BeforeUpdate()
  protected stampUpdate(): void {
    this.updatedAt = new Date();
  }
}

/** What every record's API view starts with: its id and when it was made (ISO 8601). */
export function recordView(record: { id: string; createdAt: Date }): { id: string; createdAt: string } {
  return { id: record.id, createdAt: record.createdAt.toISOString() };
}

/** A record of something a person (or the system, with no id) did, with who it was as they were then. */
export abstract class ActorRecord extends BaseRecord {
  @column.id('actor_id', nullable) actorId: string | null;
  @column.role('actor_role') actorRole: string;
  @column.personName('actor_name', nullable) actorName: string | null;
}
