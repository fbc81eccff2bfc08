/**
 * The words of the approval chain and of quotas, apart from the province settings' schemas so that a
 * screen showing a step's name (the mini-program's labels) does not load zod with them.
 */

/** The steps an approval chain is built from, lowest first. */
export const ReviewLevel = {
  District: 'district',
  City: 'city',
  Province: 'province',
} as const;

export type ReviewLevel = (typeof ReviewLevel)[keyof typeof ReviewLevel];

export const reviewLevelNames: Record<ReviewLevel, string> = {
  district: '区县',
  city: '地市',
  province: '省级',
};

export const reviewLevelRank: Record<ReviewLevel, number> = { district: 0, city: 1, province: 2 };

export const QuotaPeriod = { Week: 'week', Month: 'month' } as const;
export type QuotaPeriod = (typeof QuotaPeriod)[keyof typeof QuotaPeriod];

/** Whose county decides which authority reviews an application. */
export const RoutingRule = {
  EnterpriseDistrict: 'enterprise_district',
  Origin: 'origin',
  Destination: 'destination',
} as const;

export type RoutingRule = (typeof RoutingRule)[keyof typeof RoutingRule];
