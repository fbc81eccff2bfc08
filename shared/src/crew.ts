/** What each member of a vehicle's crew (司乘人员) is on the pass. */
export const CrewRole = {
  Driver: 'driver',
  CoDriver: 'co_driver',
  Escort: 'escort',
} as const;

export type CrewRole = (typeof CrewRole)[keyof typeof CrewRole];

export const crewRoleNames: Record<CrewRole, string> = {
  driver: '驾驶员',
  co_driver: '副驾驶员',
  escort: '押运员',
};

/** A pass names 1 to 3 people; one of them must be its driver (a co-driver only relieves one). */
export const maxCrewSize = 3;

export function crewHasDriver(roles: readonly CrewRole[]): boolean {
  return roles.includes(CrewRole.Driver);
}
