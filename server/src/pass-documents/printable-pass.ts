import type { CrewRole, PlateColour } from '@pass/shared';

/**
 * Everything printed on a pass (national template of April 2022). Plain data: the issuance workflow
 * builds it from its records. Region names, category names and the supervising body are derived
 * from the codes when not given.
 */
export interface PrintablePass {
  passNumber: string;
  /** Canonical plate, e.g. 苏AD12345; printed as 苏A·D12345. */
  plate: string;
  plateColour: PlateColour;
  originCode: string;
  destinationCode: string;
  waypointCodes: string[];
  materialCategory: string;
  /** Needed for provincial categories, which the national list does not name. */
  materialCategoryName?: string;
  materialDescription: string;
  /** `YYYY-MM-DD`, both ends included. */
  validFrom: string;
  validTo: string;
  /** 1 to 3 people; ID numbers are printed masked whatever is passed in. */
  crew: { name: string; idNumber: string; role?: CrewRole }[];
  /** 核发单位, also the text of the seal mark. */
  issuerName: string;
  /** The issuing department's duty phone, printed under the date when recorded. */
  issuerPhone?: string;
  /** "××省联防联控机制"; defaults to the province of the pass number. */
  supervisorName?: string;
  /** ISO 8601 instant of issue; its China date is printed. */
  issuedAt: string;
}
