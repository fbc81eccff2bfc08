import type { FastifyServerOptions } from 'fastify';
import type { AppConfig } from '../config/app-config.js';

/** Levels at which Fastify writes its per-request lines ("incoming request", "request completed": info). */
const requestLineLevels = new Set<AppConfig['logLevel']>(['info', 'debug', 'trace']);

/**
 * Fastify gives every request a pino child logger carrying its request id, so that the request's lines
 * can be told apart. Above `info` (production runs at `warn`) there are no request lines to tell apart,
 * yet the child was still built for each request: about 5–8 µs of a public verification's CPU
 * (docs/scaling.md §6.7). At those levels every request logs through the server's logger itself; a
 * warning or an error still says what it is about, only without a `reqId`.
 */
export function requestLoggerFactory(level: AppConfig['logLevel']): FastifyServerOptions['childLoggerFactory'] {
  // Silent: Fastify's own null logger already skips the child.
  if (level === 'silent' || requestLineLevels.has(level)) return undefined;
  return (logger) => logger;
}
