import { Controller, Header } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { type FederationBundleQuery, federationRoutes, type SignedDocument, trustedIssuerRoutes } from '@pass/shared';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { FederationService } from './federation.service.js';

/** As the other public verification data: a checkpoint needs a few a minute. */
const publicLimit = { rateLimit: { timeWindow: '1 minute' } };

@Controller()
export class FederationController {
  constructor(private readonly federation: FederationService) {}

  @Endpoint(federationRoutes.issuer)
  @RouteConfig(publicLimit)
  @Header('Cache-Control', 'public, max-age=300')
  issuer(): Promise<SignedDocument> {
    return this.federation.issuerDocument();
  }

  @Endpoint(federationRoutes.bundle)
  @RouteConfig(publicLimit)
  @Header('Cache-Control', 'no-store')
  bundle(@Input() query: FederationBundleQuery): Promise<SignedDocument> {
    return this.federation.bundle(query.known);
  }
}

@Controller()
export class FederationAdminController extends ServiceRoutes(FederationService, trustedIssuerRoutes, {
  list: (federation) => federation.list(),
  importIssuer: (federation, { actor, input }) => federation.importIssuer(actor, input),
  suspend: (federation, { actor, id }) => federation.setStatus(actor, id, 'suspended'),
  reinstate: (federation, { actor, id }) => federation.setStatus(actor, id, 'active'),
  sync: async (federation, { id }) => {
    const view = await federation.syncIssuer(id);
    if (!view) throw federation.notFound();
    return view;
  },
  remove: (federation, { actor, id }) => federation.remove(actor, id),
}) {}
