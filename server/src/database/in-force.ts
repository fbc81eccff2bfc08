import { type EntityManager, type EntityTarget, type FindOptionsWhere, IsNull, type ObjectLiteral } from 'typeorm';
import { notFound } from '../common/domain.exception.js';
import { writeLock } from './locks.js';

/**
 * Ends a row that is in force (a blacklist entry lifted, a whitelist entry removed) by stamping its
 * `endedAt` column, which is null while it is in force: `where` finds it only then, under a write lock,
 * so two concurrent ends cannot both succeed; none answers 404. The row stays for the history.
 */
export async function endInForce<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  endedAt: keyof T & string,
  notFoundMessage?: string,
): Promise<T> {
  const inForce = { ...where, [endedAt]: IsNull() } as FindOptionsWhere<T>;
  const row = await manager.findOne(entity, { where: inForce, lock: writeLock(manager) });
  if (!row) throw notFound(notFoundMessage);
  return manager.save(entity, Object.assign(row, { [endedAt]: new Date() }));
}
