import type { PlateColour } from './validation/plate.js';

/**
 * Goods vehicle types an application may name (names as on the 行驶证, GA 802). Where the type fixes
 * the plate size (a tractor always carries a large-vehicle plate, a light truck a small one) the
 * vehicle schema cross-checks the plate colour; refrigerated, tank and other bodies come in every size.
 */
export const VehicleType = {
  SemiTrailerTractor: 'semi_trailer_tractor',
  HeavyVan: 'heavy_van',
  HeavyTruck: 'heavy_truck',
  MediumVan: 'medium_van',
  MediumTruck: 'medium_truck',
  LightVan: 'light_van',
  LightTruck: 'light_truck',
  Refrigerated: 'refrigerated',
  Tanker: 'tanker',
  DumpTruck: 'dump_truck',
  LivestockTruck: 'livestock_truck',
  Other: 'other',
} as const;

export type VehicleType = (typeof VehicleType)[keyof typeof VehicleType];

type PlateSize = 'large' | 'small';

export const vehicleTypes: Record<VehicleType, { name: string; plateSize?: PlateSize }> = {
  semi_trailer_tractor: { name: '重型半挂牵引车', plateSize: 'large' },
  heavy_van: { name: '重型厢式货车', plateSize: 'large' },
  heavy_truck: { name: '重型普通货车', plateSize: 'large' },
  medium_van: { name: '中型厢式货车', plateSize: 'large' },
  medium_truck: { name: '中型普通货车', plateSize: 'large' },
  light_van: { name: '轻型厢式货车', plateSize: 'small' },
  light_truck: { name: '轻型普通货车', plateSize: 'small' },
  refrigerated: { name: '冷藏车' },
  tanker: { name: '罐式车' },
  dump_truck: { name: '自卸货车' },
  livestock_truck: { name: '畜禽运输车' },
  other: { name: '其他货车' },
};

/** Black plates (港澳, foreign-owned) come in both sizes, so they never contradict a type. */
const coloursBySize: Record<PlateSize, readonly PlateColour[]> = {
  large: ['yellow', 'yellow_green', 'black'],
  small: ['blue', 'green', 'black'],
};

/** Null when the colour fits the type, else the sentence to show. */
export function plateColourMismatch(type: VehicleType, colour: PlateColour): string | null {
  const size = vehicleTypes[type].plateSize;
  if (!size || coloursBySize[size].includes(colour)) return null;
  return size === 'large'
    ? `${vehicleTypes[type].name}应使用大型汽车号牌（黄色，新能源为黄绿双拼色）`
    : `${vehicleTypes[type].name}应使用小型汽车号牌（蓝色，新能源为渐变绿色）`;
}
