import 'reflect-metadata';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { maxAttachmentBytes } from '@pass/shared';
import { AppModule } from './app.module.js';
import { serveH5App } from './common/h5-assets.js';
import { requestLoggerFactory } from './common/request-logger.js';
import { registerSecurityHeaders } from './common/security-headers.js';
import type { AppConfig } from './config/app-config.js';
import { openApiDocument } from './openapi.js';

/** Builds the whole server, ready to listen; shared by `main.ts` and the integration tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Fastify's pino logger writes one JSON line per request and per response.
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    childLoggerFactory: requestLoggerFactory(config.logLevel),
    // Only behind a proxy that sets X-Forwarded-For; otherwise any client could pick its own address.
    trustProxy: config.trustProxy,
    // Whitelist imports are the largest JSON bodies (a CSV of a few thousand rows).
    bodyLimit: 4 * 1024 * 1024,
    // Some scanners upper-case or lower-case the whole QR URL; /V/… and /v/… are the same page.
    // …and the token in the path is a few hundred digits, beyond the router's default of 100.
    routerOptions: { caseSensitive: false, maxParamLength: 2000 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: config.logLevel === 'silent' ? false : ['error', 'warn', 'log'],
    abortOnError: false,
    // Nest would add a parser for form-encoded bodies; JSON routes take JSON only (and multipart
    // where a route reads a file). Without a parser Fastify answers 415 UNSUPPORTED_MEDIA_TYPE.
    bodyParser: false,
  });
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  await registerSecurityHeaders(app, config);
  await app.register(multipart, {
    // One byte over the limit, so that a file of exactly the limit passes and a larger one is cut and refused.
    limits: { fileSize: maxAttachmentBytes + 1, files: 1, fields: 10 },
    throwFileSizeLimit: true,
  });
  // Limits are per route (see publicVerifyLimit) and per process; docs/scaling.md covers several instances.
  // Its 429 becomes RATE_LIMITED in AllExceptionsFilter like any other refusal. Routes that opt in
  // without their own `max` get this one.
  // The x-ratelimit-* headers only on a refusal (with Retry-After): no client of ours reads them on an
  // answer, and they were three more headers on every public verification (docs/scaling.md §6.7).
  await app.register(rateLimit, {
    global: false,
    max: config.publicVerifyRateLimit,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
  // The QR code's URL is the pass page itself, outside the JSON API.
  app.setGlobalPrefix('api', { exclude: [{ path: 'V/:digits', method: RequestMethod.GET }] });
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  serveH5App(app, config.h5Dir);
  return app;
}
