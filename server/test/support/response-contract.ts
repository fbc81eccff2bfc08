import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { z } from '@pass/shared';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { responseSchemaKey } from '../../src/common/api-response.js';

/**
 * Every JSON answer a test receives is first parsed with its route's response schema (`@ApiZodResponse`,
 * the same schema the OpenAPI document and the mini-program's types come from), as JSON.stringify will
 * write it. A body that does not match — a field added, renamed, dropped or of another type — becomes a
 * 500 naming the route and the fields, so whichever test made the call fails. Installed by startTestApp.
 */
export class ResponseContractCheck implements NestInterceptor {
  /** How many answers were checked, so a test can tell the check ran. */
  checked = 0;

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const schema = Reflect.getMetadata(responseSchemaKey, context.getHandler()) as z.ZodType | undefined;
    if (!schema) return next.handle();
    return next.handle().pipe(
      map((value: unknown) => {
        const json: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
        const result = schema.safeParse(json);
        this.checked++;
        if (!result.success) {
          const request = context.switchToHttp().getRequest<FastifyRequest>();
          const message = `The answer to ${request.method} ${request.url} breaks its response schema:\n${z.prettifyError(result.error)}`;
          process.stderr.write(`${message}\n`);
          throw new Error(message);
        }
        return value;
      }),
    );
  }
}
