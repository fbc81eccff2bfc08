import type { ProvinceSettings } from '../settings.js';
import { findRegion, isGroupingCity, isMunicipality, RegionLevel, regionFullName } from '../validation/region.js';
import { type ReviewLevel, RoutingRule, reviewLevelNames } from './review-levels.js';

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

const regionLevelOf: Record<ReviewLevel, RegionLevel> = {
  district: RegionLevel.County,
  city: RegionLevel.City,
  province: RegionLevel.Province,
};

/**
 * The office that acts at a step, named once: 江苏省南京市江宁区, 江苏省南京市. The region's name already
 * says its level, so 区县/地市 is added only where the code stands for another level (a municipality's
 * city step: 北京市（地市）; a county-level city acting for its city: 湖北省仙桃市（地市）).
 */
export function reviewOfficeName(jurisdictionCode: string, level: ReviewLevel): string {
  const name = regionFullName(jurisdictionCode) ?? jurisdictionCode;
  const region = findRegion(jurisdictionCode);
  return region && region.level === regionLevelOf[level] ? name : `${name}（${reviewLevelNames[level]}）`;
}

/** 江苏省南京市江宁区审核: the label of a step in a timeline or a detail page. */
export function reviewStepName(step: ReviewStep): string {
  return `${reviewOfficeName(step.jurisdictionCode, step.level)}审核`;
}
