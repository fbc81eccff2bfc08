import { dayNumber, fromDayNumber, isCalendarDate, isoInstantOfSeconds } from '../dates.js';
import { materialCategoryCodePattern } from '../materials.js';
import { validatePassNumber } from '../pass-number.js';
import { type PlateColour, parsePlate } from '../validation/plate.js';
import { type CborMap, type CborValue, decodeCbor, encodeCbor } from './cbor.js';
import { invert, materialCategoryCodes, plateColourCodes } from './codes.js';
import { decodeCrew, encodeCrewDigests, encodeCrewInitials, type PassCrewClaim } from './crew.js';

/** What an issuer signs: the facts a checkpoint must compare with the truck in front of it. */
export interface PassTokenFields {
  /** 证件编号, 12 digits. */
  passNumber: string;
  /** Canonical plate without separator: 苏AD12345. */
  plate: string;
  plateColour: PlateColour;
  /** `YYYY-MM-DD`, both ends included, dates in China. */
  validFrom: string;
  validTo: string;
  originCode: string;
  destinationCode: string;
  waypointCodes: string[];
  materialCategory: string;
  /** Position of this pass in the issuer's revocation status list. */
  statusIndex: number;
  /** ISO 8601 instant; stored to the second. */
  issuedAt: string;
  /**
   * 司乘人员: role, salted ID-number digest and initial of each person (crew.ts). Absent in tokens
   * issued before the crew was carried; such tokens still verify, without the crew check.
   */
  crew?: PassCrewClaim[];
}

export interface PassClaims extends PassTokenFields {
  /** The issuing authority's division code: by the national template, the pass number's first six digits. */
  issuerCode: string;
}

/**
 * Integer keys of the payload map. The issuing region is not a field of its own: the pass number
 * starts with it. Keys are never reused; a decoder refuses keys it does not know, so a new field
 * means a new format version (a new URL path, see pass-url.ts).
 */
export const PayloadKey = {
  PassNumber: 1,
  Plate: 2,
  PlateColour: 3,
  ValidFrom: 4,
  ValidTo: 5,
  Origin: 6,
  Destination: 7,
  Waypoints: 8,
  MaterialCategory: 9,
  StatusIndex: 10,
  IssuedAt: 11,
  /** 12 and 13 were added to format V without a new path: see docs/pass-token.md §3 on old verifiers. */
  Crew: 12,
  CrewInitials: 13,
} as const;

export class PassTokenFormatError extends Error {}

const regionPattern = /^[1-9]\d{5}$/;
const maxStatusIndex = 0xffffffff;
/** More than the application form allows today, so that a province may raise its limit. */
const maxWaypoints = 32;

const colourOfCode = invert(plateColourCodes);
const categoryOfCode = invert(materialCategoryCodes);

const nationalCategoryCode = (code: string): number | undefined =>
  // biome-ignore lint/suspicious/noPrototypeBuiltins: not Object.hasOwn, which WeChat on iOS before 15.4 lacks (offline verification runs this there)
  Object.prototype.hasOwnProperty.call(materialCategoryCodes, code) ? materialCategoryCodes[code] : undefined;

function fail(message: string): never {
  throw new PassTokenFormatError(message);
}

function region(code: string, label: string): number {
  if (!regionPattern.test(code)) throw new RangeError(`${label} ${code} is not a 6-digit division code`);
  return Number(code);
}

/** Throws RangeError for fields that cannot be signed: the issuing code must have validated them. */
export function encodePassPayload(fields: PassTokenFields): Uint8Array {
  const passNumber = validatePassNumber(fields.passNumber);
  if (!passNumber.ok || passNumber.value !== fields.passNumber) {
    throw new RangeError(`Pass number ${fields.passNumber} is not a canonical 12-digit pass number`);
  }
  const plate = parsePlate(fields.plate);
  if (!plate.ok || plate.value.plate !== fields.plate) throw new RangeError(`Plate ${fields.plate} is not canonical`);
  const colour = plateColourCodes[fields.plateColour];
  if (colour === undefined) throw new RangeError(`Unknown plate colour ${fields.plateColour}`);
  if (!isCalendarDate(fields.validFrom) || !isCalendarDate(fields.validTo) || fields.validTo < fields.validFrom) {
    throw new RangeError(`Validity ${fields.validFrom}..${fields.validTo} is not a date range`);
  }
  if (fields.waypointCodes.length > maxWaypoints) throw new RangeError('Too many waypoints');
  if (!materialCategoryCodePattern.test(fields.materialCategory)) {
    throw new RangeError(`Material category ${fields.materialCategory} is not a category code`);
  }
  if (!Number.isInteger(fields.statusIndex) || fields.statusIndex < 0 || fields.statusIndex > maxStatusIndex) {
    throw new RangeError(`Status index ${fields.statusIndex} is out of range`);
  }
  const issuedAtMillis = Date.parse(fields.issuedAt);
  if (Number.isNaN(issuedAtMillis) || issuedAtMillis < 0) throw new RangeError(`Bad issuedAt ${fields.issuedAt}`);

  const map: CborMap = new Map<number, CborValue>([
    [PayloadKey.PassNumber, Number(fields.passNumber)],
    [PayloadKey.Plate, fields.plate],
    [PayloadKey.PlateColour, colour],
    [PayloadKey.ValidFrom, dayNumber(fields.validFrom)],
    [PayloadKey.ValidTo, dayNumber(fields.validTo)],
    [PayloadKey.Origin, region(fields.originCode, 'Origin')],
    [PayloadKey.Destination, region(fields.destinationCode, 'Destination')],
    [PayloadKey.MaterialCategory, nationalCategoryCode(fields.materialCategory) ?? fields.materialCategory],
    [PayloadKey.StatusIndex, fields.statusIndex],
    [PayloadKey.IssuedAt, Math.floor(issuedAtMillis / 1000)],
  ]);
  // Absent rather than empty, so that a pass has one encoding.
  if (fields.waypointCodes.length > 0) {
    map.set(
      PayloadKey.Waypoints,
      fields.waypointCodes.map((code) => region(code, 'Waypoint')),
    );
  }
  if (fields.crew && fields.crew.length > 0) {
    map.set(PayloadKey.Crew, encodeCrewDigests(fields.crew));
    const initials = encodeCrewInitials(fields.crew);
    if (initials !== undefined) map.set(PayloadKey.CrewInitials, initials);
  }
  return encodeCbor(map);
}

function uint(value: CborValue | undefined, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || value < 0 || value > max) fail(`${name} is not an integer in range`);
  return value;
}

function regionCode(value: CborValue | undefined, name: string): string {
  const code = String(uint(value, name, 999_999));
  if (!regionPattern.test(code)) fail(`${name} is not a division code`);
  return code;
}

/** Built once: every payload a server verifies is checked against it. */
const knownPayloadKeys = new Set<number>(Object.values(PayloadKey));

/** Reads a payload whose signature has been verified; throws PassTokenFormatError on anything unexpected. */
export function decodePassPayload(payload: Uint8Array): PassClaims {
  let map: CborValue;
  try {
    map = decodeCbor(payload);
  } catch (error) {
    fail(`Payload is not deterministic CBOR: ${(error as Error).message}`);
  }
  if (!(map instanceof Map)) fail('Payload is not a map');
  for (const key of map.keys()) if (!knownPayloadKeys.has(key)) fail(`Unknown payload key ${key}`);

  const passNumber = String(uint(map.get(PayloadKey.PassNumber), 'Pass number', 999_999_999_999));
  if (!/^[1-9]\d{11}$/.test(passNumber) || passNumber.endsWith('000000')) fail('Pass number is malformed');

  const plate = map.get(PayloadKey.Plate);
  const plateLength = typeof plate === 'string' ? [...plate].length : 0;
  if (typeof plate !== 'string' || plateLength < 2 || plateLength > 12) fail('Plate is malformed');

  const plateColour = colourOfCode.get(uint(map.get(PayloadKey.PlateColour), 'Plate colour'));
  if (!plateColour) fail('Unknown plate colour code');

  const validFrom = uint(map.get(PayloadKey.ValidFrom), 'Valid from', 100_000);
  const validTo = uint(map.get(PayloadKey.ValidTo), 'Valid to', 100_000);
  if (validTo < validFrom) fail('Validity ends before it starts');

  const waypointsValue = map.get(PayloadKey.Waypoints);
  let waypointCodes: string[] = [];
  if (waypointsValue !== undefined) {
    if (!Array.isArray(waypointsValue) || waypointsValue.length === 0 || waypointsValue.length > maxWaypoints) {
      fail('Waypoints are malformed');
    }
    waypointCodes = waypointsValue.map((value) => regionCode(value, 'Waypoint'));
  }

  const categoryValue = map.get(PayloadKey.MaterialCategory);
  let materialCategory: string | undefined;
  if (typeof categoryValue === 'number') materialCategory = categoryOfCode.get(categoryValue);
  // A national category sent as text would give the pass two encodings.
  else if (typeof categoryValue === 'string' && nationalCategoryCode(categoryValue) === undefined) {
    materialCategory = materialCategoryCodePattern.test(categoryValue) ? categoryValue : undefined;
  }
  if (!materialCategory) fail('Material category is malformed');

  const crewValue = map.get(PayloadKey.Crew);
  const initialsValue = map.get(PayloadKey.CrewInitials);
  const crew = crewValue === undefined ? undefined : decodeCrew(crewValue, initialsValue);
  if ((crewValue !== undefined || initialsValue !== undefined) && !crew) fail('Crew is malformed');

  const claims: PassClaims = {
    passNumber,
    issuerCode: passNumber.slice(0, 6),
    plate,
    plateColour,
    validFrom: fromDayNumber(validFrom),
    validTo: fromDayNumber(validTo),
    originCode: regionCode(map.get(PayloadKey.Origin), 'Origin'),
    destinationCode: regionCode(map.get(PayloadKey.Destination), 'Destination'),
    waypointCodes,
    materialCategory,
    statusIndex: uint(map.get(PayloadKey.StatusIndex), 'Status index', maxStatusIndex),
    issuedAt: isoInstantOfSeconds(uint(map.get(PayloadKey.IssuedAt), 'Issued at')),
  };
  // Only when carried, so a token from before the crew decodes to exactly what it did then. Set after
  // the literal rather than spread into it, as the verifier's other per-scan objects (docs/scaling.md §6.7).
  if (crew) claims.crew = crew;
  return claims;
}
