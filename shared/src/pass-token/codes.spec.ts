import { describe, expect, it } from '@jest/globals';
import { nationalMaterialCategories } from '../materials.js';
import { PlateColour } from '../validation/plate.js';
import { materialCategoryCodes, plateColourCodes } from './codes.js';

describe('enum codes of the token format', () => {
  it('gives every plate colour a distinct code', () => {
    expect(Object.keys(plateColourCodes).sort()).toEqual(Object.values(PlateColour).sort());
    expect(new Set(Object.values(plateColourCodes)).size).toBe(Object.values(PlateColour).length);
  });

  it('gives every national material category a distinct code', () => {
    expect(Object.keys(materialCategoryCodes).sort()).toEqual(nationalMaterialCategories.map((c) => c.code).sort());
    expect(new Set(Object.values(materialCategoryCodes)).size).toBe(nationalMaterialCategories.length);
  });

  it('never renumbers a released code', () => {
    expect(plateColourCodes).toEqual({ blue: 1, yellow: 2, green: 3, yellow_green: 4, white: 5, black: 6 });
    expect(materialCategoryCodes).toEqual({
      medical: 1,
      daily_necessities: 2,
      government_reserves: 3,
      postal_express: 4,
      agricultural_inputs: 5,
      energy: 6,
      raw_materials: 7,
      key_industrial_products: 8,
      foreign_trade: 9,
    });
  });
});
