import { AccountEntity } from '../accounts/account.entity.js';
import { ApplicationEntity } from '../applications/application.entity.js';
import { ApplicationEventEntity } from '../applications/application-event.entity.js';
import { AttachmentEntity } from '../attachments/attachment.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { LoginFailureEntity } from '../auth/login-failure.entity.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { CheckpointEntity } from '../checkpoints/checkpoint.entity.js';
import { IssuingDepartmentEntity } from '../departments/issuing-department.entity.js';
import { DriverEntity } from '../drivers/driver.entity.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';
import { RegistrationAttemptEntity } from '../enterprises/registration-attempt.entity.js';
import { CalendarDayEntity } from '../holidays/calendar-day.entity.js';
import { CounterEntity } from '../passes/counter.entity.js';
import { PassEntity } from '../passes/pass.entity.js';
import { QuotaAllocationEntity } from '../quotas/quota-allocation.entity.js';
import { BlacklistEntryEntity } from '../sanctions/blacklist-entry.entity.js';
import { CloneAlertEntity } from '../scans/clone-alert.entity.js';
import { ScanRecordEntity } from '../scans/scan-record.entity.js';
import { ProvinceSettingsVersionEntity } from '../settings/province-settings-version.entity.js';
import { VehicleEntity } from '../vehicles/vehicle.entity.js';
import { PassStatusChangeEntity } from '../verification/pass-status-change.entity.js';
import { WhitelistEntryEntity } from '../whitelist/whitelist-entry.entity.js';
import { LockGuardEntity } from './lock-guard.entity.js';

export const entities = [
  AccountEntity,
  ApplicationEntity,
  ApplicationEventEntity,
  AttachmentEntity,
  CheckpointEntity,
  DriverEntity,
  EnterpriseEntity,
  LoginFailureEntity,
  RefreshTokenEntity,
  VehicleEntity,
  WhitelistEntryEntity,
  AuditEntryEntity,
  BlacklistEntryEntity,
  CounterEntity,
  PassEntity,
  QuotaAllocationEntity,
  CloneAlertEntity,
  ScanRecordEntity,
  PassStatusChangeEntity,
  LockGuardEntity,
  RegistrationAttemptEntity,
  ProvinceSettingsVersionEntity,
  CalendarDayEntity,
  IssuingDepartmentEntity,
];
