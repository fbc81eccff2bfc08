import { Init1763830000000 } from './1763830000000-Init.js';
import { ApplicantRegistry1763840000000 } from './1763840000000-ApplicantRegistry.js';
import { ReviewAndIssuance1763850000000 } from './1763850000000-ReviewAndIssuance.js';
import { VerificationAndScans1763860000000 } from './1763860000000-VerificationAndScans.js';
import { ProvinceSettings1764500000000 } from './1764500000000-ProvinceSettings.js';
import { AdminControls1764500000001 } from './1764500000001-AdminControls.js';
import { HolidayCalendar1764500000002 } from './1764500000002-HolidayCalendar.js';
import { ConcurrencyGuards1764590000000 } from './1764590000000-ConcurrencyGuards.js';
import { ScanInterceptions1764620000000 } from './1764620000000-ScanInterceptions.js';
import { IssuingDepartments1764700000000 } from './1764700000000-IssuingDepartments.js';
import { ReviewHistory1764800000000 } from './1764800000000-ReviewHistory.js';
import { Notifications1764800000017 } from './1764800000017-Notifications.js';
import { ListIndexes1764800000018 } from './1764800000018-ListIndexes.js';
import { FederationOfIssuers1764800000019 } from './1764800000019-FederationOfIssuers.js';
import { CrewSignIn1764800000100 } from './1764800000100-CrewSignIn.js';
import { SearchIndexes1764800000200 } from './1764800000200-SearchIndexes.js';
import { HeldDocuments1764800000300 } from './1764800000300-HeldDocuments.js';
import { WhitelistRecognition1764800000400 } from './1764800000400-WhitelistRecognition.js';
import { KeptCounts1764800000530 } from './1764800000530-KeptCounts.js';
import { EnterpriseSearchIndexes1764800000550 } from './1764800000550-EnterpriseSearchIndexes.js';

/** Every migration, oldest first. Listed explicitly so the ESM build needs no file globbing. */
export const migrations = [
  Init1763830000000,
  ApplicantRegistry1763840000000,
  ReviewAndIssuance1763850000000,
  VerificationAndScans1763860000000,
  ProvinceSettings1764500000000,
  AdminControls1764500000001,
  HolidayCalendar1764500000002,
  ConcurrencyGuards1764590000000,
  ScanInterceptions1764620000000,
  IssuingDepartments1764700000000,
  ReviewHistory1764800000000,
  Notifications1764800000017,
  ListIndexes1764800000018,
  FederationOfIssuers1764800000019,
  CrewSignIn1764800000100,
  SearchIndexes1764800000200,
  HeldDocuments1764800000300,
  WhitelistRecognition1764800000400,
  KeptCounts1764800000530,
  EnterpriseSearchIndexes1764800000550,
];
