import { Controller, Header } from '@nestjs/common';
import { type TrustList, verificationRoutes } from '@pass/shared';
import { Endpoint } from '../auth/endpoint.decorators.js';
import { PublishedTrustListService } from './published-trust-list.service.js';

@Controller()
export class TrustListController {
  constructor(private readonly published: PublishedTrustListService) {}

  @Endpoint(verificationRoutes.trustList)
  @Header('Cache-Control', 'public, max-age=300')
  trustList(): Promise<TrustList> {
    return this.published.trustList();
  }
}
