import { describe, expect, it } from '@jest/globals';
import { distanceKm, isImpossibleTrip } from './distance.js';

describe('clone detection arithmetic', () => {
  const nanjing = { latitude: 32.06, longitude: 118.8 };
  const shanghai = { latitude: 31.23, longitude: 121.47 };

  it('measures Nanjing to Shanghai at about 270 km', () => {
    expect(distanceKm(nanjing, shanghai)).toBeGreaterThan(260);
    expect(distanceKm(nanjing, shanghai)).toBeLessThan(280);
  });

  it.each([
    [270, 60, true], // 270 km/h
    [270, 180, false], // 90 km/h
    [270, 0, true],
    [10, 1, false], // too close to judge
    [121, 60, true],
    [120, 60, false],
  ])('%i km in %i minutes impossible: %s', (km, minutes, impossible) => {
    expect(isImpossibleTrip(km, minutes)).toBe(impossible);
  });
});
