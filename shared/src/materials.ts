/**
 * 运输物资类别: the national list of the April 2022 template. Codes are stable identifiers stored with
 * applications; names are what users see. Provinces extend the list through their settings.
 */
export const MaterialGroup = {
  Livelihood: 'livelihood',
  Production: 'production',
  ForeignTrade: 'foreign_trade',
} as const;

export type MaterialGroup = (typeof MaterialGroup)[keyof typeof MaterialGroup];

export const materialGroupNames: Record<MaterialGroup, string> = {
  livelihood: '民生',
  production: '生产',
  foreign_trade: '外贸',
};

export interface MaterialCategory {
  code: string;
  name: string;
  group: MaterialGroup;
}

export const nationalMaterialCategories: readonly MaterialCategory[] = [
  { code: 'medical', name: '医疗与防控物资', group: 'livelihood' },
  { code: 'daily_necessities', name: '生活必需品', group: 'livelihood' },
  { code: 'government_reserves', name: '政府储备物资', group: 'livelihood' },
  { code: 'postal_express', name: '邮政快递', group: 'livelihood' },
  { code: 'agricultural_inputs', name: '农业生产物资', group: 'production' },
  { code: 'energy', name: '能源', group: 'production' },
  { code: 'raw_materials', name: '原材料', group: 'production' },
  { code: 'key_industrial_products', name: '重点工业品（产业链供应链物资）', group: 'production' },
  { code: 'foreign_trade', name: '重点外贸企业物资及重要进出口货物', group: 'foreign_trade' },
];

/** Lower-case words joined by underscores, like the national codes; what provinces must use too. */
export const materialCategoryCodePattern = /^[a-z][a-z0-9_]{1,39}$/;

/** The national list followed by a province's own categories (e.g. 城市供水). */
export function materialCategoriesWith(extra: readonly MaterialCategory[] = []): MaterialCategory[] {
  return [...nationalMaterialCategories, ...extra];
}

export function findMaterialCategory(
  code: string,
  extra: readonly MaterialCategory[] = [],
): MaterialCategory | undefined {
  return materialCategoriesWith(extra).find((category) => category.code === code);
}

/** Units a quantity of goods is declared in. */
export const QuantityUnit = {
  Tonne: 'tonne',
  Kilogram: 'kilogram',
  CubicMetre: 'cubic_metre',
  Litre: 'litre',
  Piece: 'piece',
  Box: 'box',
  Pallet: 'pallet',
} as const;

export type QuantityUnit = (typeof QuantityUnit)[keyof typeof QuantityUnit];

export const quantityUnitNames: Record<QuantityUnit, string> = {
  tonne: '吨',
  kilogram: '千克',
  cubic_metre: '立方米',
  litre: '升',
  piece: '件',
  box: '箱',
  pallet: '托',
};
