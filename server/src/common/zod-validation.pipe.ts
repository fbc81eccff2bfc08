import type { PipeTransform } from '@nestjs/common';
import { ErrorCode, type z } from '@pass/shared';
import { DomainException } from './domain.exception.js';

/** The details of a failed parse, in the API's error shape. */
export function validationException(error: z.ZodError): DomainException {
  const details = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return new DomainException(ErrorCode.ValidationFailed, details[0]?.message, details);
}

/** Validates a request part against a schema from `@pass/shared`; the first line of defence. */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw validationException(result.error);
  }
}
