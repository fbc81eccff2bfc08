const earthRadiusKm = 6371;

/** Great-circle distance; roads are longer, which only makes the clone check more cautious. */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.sqrt(h));
}

/** Faster than any truck on Chinese roads keeps up (limit 100 km/h, 120 on expressways for cars). */
export const maxTruckSpeedKmh = 120;
/** Below this, nearby checkpoints and clock differences would raise false alarms. */
export const minCloneDistanceKm = 20;

export function isImpossibleTrip(km: number, minutes: number): boolean {
  if (km < minCloneDistanceKm) return false;
  return minutes <= 0 || km / (minutes / 60) > maxTruckSpeedKmh;
}
