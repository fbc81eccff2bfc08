import type { PassTokenFields } from './claims.js';

/**
 * The pass of docs/pass-token.md §7 (the worked example): 苏AD12345 from 江宁区 to 乌鲁木齐市天山区 via
 * 郑州市金水区 and 兰州市城关区. The format tests sign it with the documented test key; the SM2 tests sign
 * the same fields to compare the two algorithms.
 */
export const workedExamplePass: Readonly<PassTokenFields> = {
  passNumber: '320115000123',
  plate: '苏AD12345',
  plateColour: 'green',
  validFrom: '2022-05-20',
  validTo: '2022-05-29',
  originCode: '320115',
  destinationCode: '650102',
  waypointCodes: ['410105', '620102'],
  materialCategory: 'daily_necessities',
  statusIndex: 1234,
  issuedAt: '2022-05-19T09:30:00.000Z',
};
