import { childRegions, provinces, type Region } from '@pass/shared';

/** A node of NutUI's Cascader options: a region and the regions inside it. */
export interface RegionOption {
  text: string;
  value: string;
  children?: RegionOption[];
}

let tree: RegionOption[] | undefined;

function toOption(region: Region): RegionOption {
  const children = region.level === 'county' ? [] : childRegions(region.code).map(toOption);
  return children.length
    ? { text: region.name, value: region.code, children }
    : { text: region.name, value: region.code };
}

/**
 * Provinces → cities → counties for the picker, built once (about 3,200 nodes). The division data
 * comes from `@pass/shared` and is bundled only into this subpackage.
 */
export function regionOptions(): RegionOption[] {
  tree ??= provinces().map(toOption);
  return tree;
}

/** GB/T 2260 province prefix → plate abbreviation (GA 36). */
const plateAbbreviations: Record<string, string> = {
  '11': '京',
  '12': '津',
  '13': '冀',
  '14': '晋',
  '15': '蒙',
  '21': '辽',
  '22': '吉',
  '23': '黑',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '34': '皖',
  '35': '闽',
  '36': '赣',
  '37': '鲁',
  '41': '豫',
  '42': '鄂',
  '43': '湘',
  '44': '粤',
  '45': '桂',
  '46': '琼',
  '50': '渝',
  '51': '川',
  '52': '贵',
  '53': '云',
  '54': '藏',
  '61': '陕',
  '62': '甘',
  '63': '青',
  '64': '宁',
  '65': '新',
};

/** The plate abbreviation most of an enterprise's trucks carry: its own province's. */
export function plateAbbreviationOf(regionCode: string | undefined): string | undefined {
  return regionCode ? plateAbbreviations[regionCode.slice(0, 2)] : undefined;
}
