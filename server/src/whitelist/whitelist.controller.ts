import { Controller, Param } from '@nestjs/common';
import { creditCodeSchema, whitelistRoutes } from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { ApiZodParam } from '../common/api-body.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { WhitelistService } from './whitelist.service.js';

@Controller()
export class WhitelistController extends ServiceRoutes(WhitelistService, whitelistRoutes, {
  import: (whitelist, { actor, input }) => whitelist.import(actor, input.batch, input.csv),
  list: (whitelist, { input }) => whitelist.list(input),
  batches: (whitelist) => whitelist.batches(),
}) {
  @Endpoint(whitelistRoutes.remove)
  @ApiZodParam('creditCode', creditCodeSchema, '统一社会信用代码')
  remove(
    @CurrentActor() actor: RequestActor,
    @Param('creditCode', new ZodValidationPipe(creditCodeSchema)) creditCode: string,
  ): Promise<void> {
    return this.service.remove(actor, creditCode);
  }
}
