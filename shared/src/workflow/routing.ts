import { type ProvinceSettings, type ReviewLevel, RoutingRule } from '../settings.js';
import { isGroupingCity, isMunicipality } from '../validation/region.js';

/** One step of an application's approval chain, resolved to the jurisdiction that acts at it. */
export interface ReviewStep {
  level: ReviewLevel;
  jurisdictionCode: string;
}

/**
 * The authority at `level` for a county. A municipality's city level is the municipality itself;
 * a county-level city directly under its province (仙桃) and a city without counties (东莞) act at the
 * city level for themselves. Such steps share a code and are told apart by the official's level.
 */
export function jurisdictionCodeAt(level: ReviewLevel, countyCode: string): string {
  const provinceCode = `${countyCode.slice(0, 2)}0000`;
  if (level === 'province') return provinceCode;
  if (level === 'district') return countyCode;
  if (isMunicipality(countyCode)) return provinceCode;
  const cityCode = `${countyCode.slice(0, 4)}00`;
  if (cityCode === countyCode || isGroupingCity(cityCode)) return countyCode;
  return cityCode;
}

export function reviewStepsFor(chain: readonly ReviewLevel[], countyCode: string): ReviewStep[] {
  return chain.map((level) => ({ level, jurisdictionCode: jurisdictionCodeAt(level, countyCode) }));
}

export interface RoutingFacts {
  enterpriseDistrictCode: string;
  originCode: string;
  destinationCode: string;
}

/** The county whose authorities review an application, by the province's routing rule. */
export function routingCountyCode(settings: Pick<ProvinceSettings, 'routing'>, facts: RoutingFacts): string {
  switch (settings.routing) {
    case RoutingRule.Origin:
      return facts.originCode;
    case RoutingRule.Destination:
      return facts.destinationCode;
    default:
      return facts.enterpriseDistrictCode;
  }
}
