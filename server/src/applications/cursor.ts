import { ErrorCode } from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';

/** Opaque page cursors: the (created_at, id) of the last row seen. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new DomainException(ErrorCode.ValidationFailed, '分页参数无效');
  return { createdAt, id };
}
