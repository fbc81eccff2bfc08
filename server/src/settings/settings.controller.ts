import { Controller } from '@nestjs/common';
import { settingsRoutes } from '@pass/shared';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { SettingsService } from './settings.service.js';

@Controller()
export class SettingsController extends ServiceRoutes(SettingsService, settingsRoutes, {
  current: (settings) => settings.document(),
  update: (settings, { actor, input }) => settings.update(actor, input),
  history: (settings) => settings.history(),
}) {}
