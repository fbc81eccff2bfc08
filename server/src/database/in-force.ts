import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { notFound } from '../common/domain.exception.js';
import { writeLock } from './locks.js';

/**
 * Ends a row that is in force (a blacklist entry lifted, a whitelist entry removed): `where` finds it
 * only while in force, under a write lock, so two concurrent ends cannot both succeed; none answers 404.
 * The row stays for the history.
 */
export async function endInForce<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  end: Partial<T>,
  notFoundMessage?: string,
): Promise<T> {
  const row = await manager.findOne(entity, { where, lock: writeLock(manager) });
  if (!row) throw notFound(notFoundMessage);
  return manager.save(entity, Object.assign(row, end));
}
