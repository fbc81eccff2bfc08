import { Controller } from '@nestjs/common';
import { checkpointRoutes } from '@pass/shared';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { CheckpointsService } from './checkpoints.service.js';

/** The admin keeps the checkpoints; the list is also for the staff posted there and for officials. */
@Controller()
export class CheckpointsController extends ServiceRoutes(CheckpointsService, checkpointRoutes, {
  list: (checkpoints) => checkpoints.list(),
  create: (checkpoints, { actor, input }) => checkpoints.create(actor, input),
  update: (checkpoints, { actor, id, input }) => checkpoints.update(actor, id, input),
  retire: (checkpoints, { actor, id }) => checkpoints.setRetired(actor, id, true),
  reinstate: (checkpoints, { actor, id }) => checkpoints.setRetired(actor, id, false),
}) {}
