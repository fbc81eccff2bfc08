import { accountRoutes, auditRoutes, departmentRoutes, quotaRoutes, sanctionRoutes, whitelistRoutes } from './admin.js';
import { authRoutes, crewRoutes } from './auth.js';
import { checkpointRoutes, passPageRoutes, scanRoutes, verificationRoutes } from './checkpoints.js';
import { federationRoutes, recognisedWhitelistRoutes, trustedIssuerRoutes } from './federation.js';
import { attachmentRoutes, driverRoutes, enterpriseRoutes, vehicleRoutes } from './registry.js';
import { healthRoutes, holidayRoutes, notificationRoutes, settingsRoutes, statsRoutes } from './settings.js';
import { applicationRoutes, passRoutes, reviewRoutes } from './workflow.js';

export * from './admin.js';
export * from './auth.js';
export * from './checkpoints.js';
export * from './federation.js';
export * from './registry.js';
export * from './settings.js';
export * from './workflow.js';

/**
 * Every operation of the API, by area: the one description the server's handlers (`@Endpoint`), the
 * OpenAPI document and the mini-program's request types are all made from.
 */
export const apiOperations = {
  health: healthRoutes,
  settings: settingsRoutes,
  holidays: holidayRoutes,
  auth: authRoutes,
  crew: crewRoutes,
  enterprises: enterpriseRoutes,
  vehicles: vehicleRoutes,
  drivers: driverRoutes,
  attachments: attachmentRoutes,
  applications: applicationRoutes,
  reviews: reviewRoutes,
  passes: passRoutes,
  verification: verificationRoutes,
  passPage: passPageRoutes,
  scans: scanRoutes,
  checkpoints: checkpointRoutes,
  notifications: notificationRoutes,
  stats: statsRoutes,
  accounts: accountRoutes,
  audit: auditRoutes,
  quotas: quotaRoutes,
  sanctions: sanctionRoutes,
  departments: departmentRoutes,
  whitelist: whitelistRoutes,
  federation: federationRoutes,
  trustedIssuers: trustedIssuerRoutes,
  recognisedWhitelists: recognisedWhitelistRoutes,
};
