import { Controller, Header } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { federationRoutes, recognisedWhitelistRoutes, type SignedDocument } from '@pass/shared';
import { Endpoint } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { WhitelistRecognition } from './whitelist-recognition.js';

@Controller()
export class WhitelistExportController {
  constructor(private readonly recognition: WhitelistRecognition) {}

  @Endpoint(federationRoutes.whitelist)
  @RouteConfig({ rateLimit: { timeWindow: '1 minute' } })
  @Header('Cache-Control', 'public, max-age=300')
  export(): Promise<SignedDocument> {
    return this.recognition.exportOwn();
  }
}

@Controller()
export class WhitelistRecognitionController extends ServiceRoutes(WhitelistRecognition, recognisedWhitelistRoutes, {
  list: (recognition) => recognition.list(),
  import: (recognition, { actor, input }) => recognition.import(actor, input),
  remove: (recognition, { actor, id }) => recognition.remove(actor, id),
}) {}
