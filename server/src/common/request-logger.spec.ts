import { describe, expect, it } from '@jest/globals';
import type { FastifyBaseLogger } from 'fastify';
import { requestLoggerFactory } from './request-logger.js';

describe('requestLoggerFactory', () => {
  const logger = { child: () => ({}) } as unknown as FastifyBaseLogger;

  it('builds no per-request child logger when no request lines are written', () => {
    for (const level of ['warn', 'error', 'fatal'] as const) {
      const factory = requestLoggerFactory(level);
      expect(factory?.call(undefined as never, logger, { reqId: 'req-1' }, {}, undefined as never)).toBe(logger);
    }
  });

  it("leaves Fastify's own factory (a child with the request id) where request lines are written, and when silent", () => {
    for (const level of ['info', 'debug', 'trace', 'silent'] as const)
      expect(requestLoggerFactory(level)).toBeUndefined();
  });
});
