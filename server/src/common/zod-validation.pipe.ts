import type { PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@pass/shared';
import type { z } from 'zod';
import { DomainException } from './domain.exception.js';

/** Validates a request part against a schema from `@pass/shared`; the first line of defence. */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const details = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    throw new DomainException(ErrorCode.ValidationFailed, details[0]?.message ?? undefined, details);
  }
}
