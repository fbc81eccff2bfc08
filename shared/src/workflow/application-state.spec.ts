import { describe, expect, it } from '@jest/globals';
import { Role } from '../roles.js';
import { type Actor, type ActorRole, SystemRole, systemActor } from './actor.js';
import {
  ApplicationAction,
  type ApplicationSnapshot,
  ApplicationStatus,
  assertTransition,
  availableActions,
  canTransition,
  checkTransition,
} from './application-state.js';
import { reviewStepsFor } from './routing.js';
import { TransitionError } from './transition-error.js';

const enterpriseId = '6f1c7f0e-8d2a-4c59-9f0e-1a2b3c4d5e6f';
const steps = reviewStepsFor(['district', 'city'], '320115');

const app = (status: ApplicationStatus, overrides: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot => ({
  status,
  enterpriseId,
  reviewSteps: steps,
  reviewLevelIndex: 0,
  approvals: [],
  ...overrides,
});

const fleetManager: Actor = { role: Role.FleetManager, id: 'fm-1', enterpriseId };
const districtOfficial: Actor = { role: Role.Official, id: 'li', jurisdictionCode: '320115', reviewLevel: 'district' };
const cityOfficial: Actor = { role: Role.Official, id: 'zhao', jurisdictionCode: '320100', reviewLevel: 'city' };
const admin: Actor = { role: Role.Admin, id: 'admin-1' };
const checkpointStaff: Actor = { role: Role.CheckpointStaff, id: 'cp-1' };

/** An actor of each role who satisfies every data guard at level 0, so only the table decides. */
const actorOfRole: Record<ActorRole, Actor> = {
  fleet_manager: fleetManager,
  official: districtOfficial,
  admin,
  checkpoint_staff: checkpointStaff,
  // A crew member may do nothing to an application: every row of the table below refuses them.
  crew: { role: Role.Crew, id: 'crew-1' },
  system: systemActor,
};

/** The transition table, written out independently of the implementation: state action role → next state. */
const expectedTable = `
  draft         edit      fleet_manager  draft
  draft         submit    fleet_manager  submitted
  draft         withdraw  fleet_manager  withdrawn
  submitted     withdraw  fleet_manager  withdrawn
  submitted     accept    official       under_review
  submitted     approve   official       under_review
  submitted     reject    official       rejected
  submitted     return    official       returned
  resubmitted   withdraw  fleet_manager  withdrawn
  resubmitted   accept    official       under_review
  resubmitted   approve   official       under_review
  resubmitted   reject    official       rejected
  resubmitted   return    official       returned
  under_review  withdraw  fleet_manager  withdrawn
  under_review  approve   official       under_review
  under_review  reject    official       rejected
  under_review  return    official       returned
  returned      edit      fleet_manager  returned
  returned      withdraw  fleet_manager  withdrawn
  returned      resubmit  fleet_manager  resubmitted
`;

const expected = new Map(
  expectedTable
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([status, action, role, next]) => [`${status} ${action} ${role}`, next]),
);

const roles: ActorRole[] = [...Object.values(Role), SystemRole];

describe('application transitions, every (state, action, role)', () => {
  const combinations = Object.values(ApplicationStatus).flatMap((status) =>
    Object.values(ApplicationAction).flatMap((action) => roles.map((role) => [status, action, role] as const)),
  );

  it('covers all 8 × 8 × 6 combinations', () => {
    expect(combinations).toHaveLength(384);
  });

  it.each(combinations)('%s %s by %s', (status, action, role) => {
    const result = checkTransition(app(status), action, actorOfRole[role]);
    const next = expected.get(`${status} ${action} ${role}`);
    if (next) {
      expect(result).toMatchObject({ ok: true, next: { status: next } });
    } else {
      const roleMayEver = [...expected.keys()].some((key) => key.endsWith(` ${action} ${role}`));
      expect(result).toMatchObject({ ok: false, code: roleMayEver ? 'INVALID_TRANSITION' : 'FORBIDDEN' });
    }
  });
});

describe('application guards', () => {
  it('lets a fleet manager act only for their own enterprise', () => {
    const other: Actor = { ...fleetManager, enterpriseId: 'another-enterprise' };
    expect(checkTransition(app('draft'), 'submit', other)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const none: Actor = { role: Role.FleetManager, id: 'fm-2', enterpriseId: null };
    expect(checkTransition(app('draft'), 'submit', none)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('offers submission of a draft before its route is known (the server resolves it on submission)', () => {
    expect(availableActions(app('draft', { reviewSteps: [] }), fleetManager)).toContain('submit');
  });

  it('lets only the official of the jurisdiction and level under review decide', () => {
    expect(checkTransition(app('submitted'), 'approve', cityOfficial)).toMatchObject({
      ok: false,
      code: 'NOT_IN_JURISDICTION',
    });
    const neighbour: Actor = { ...districtOfficial, id: 'wu', jurisdictionCode: '320114' };
    expect(checkTransition(app('submitted'), 'reject', neighbour)).toMatchObject({
      ok: false,
      code: 'NOT_IN_JURISDICTION',
    });
    const wrongLevel: Actor = { ...districtOfficial, reviewLevel: 'city' };
    expect(checkTransition(app('submitted'), 'return', wrongLevel)).toMatchObject({
      ok: false,
      code: 'NOT_IN_JURISDICTION',
    });
    const atLevel1 = app('under_review', { reviewLevelIndex: 1, approvals: [{ levelIndex: 0, officialId: 'li' }] });
    expect(checkTransition(atLevel1, 'approve', districtOfficial)).toMatchObject({
      ok: false,
      code: 'NOT_IN_JURISDICTION',
    });
    expect(canTransition(atLevel1, 'approve', cityOfficial)).toBe(true);
  });

  it('moves up the chain on approval and issues at the last level', () => {
    const afterDistrict = assertTransition(app('submitted'), 'approve', districtOfficial);
    expect(afterDistrict).toMatchObject({
      status: 'under_review',
      reviewLevelIndex: 1,
      approvals: [{ levelIndex: 0, officialId: 'li' }],
    });
    const afterCity = assertTransition(afterDistrict, 'approve', cityOfficial);
    expect(afterCity).toMatchObject({
      status: 'approved',
      reviewLevelIndex: 1,
      approvals: [
        { levelIndex: 0, officialId: 'li' },
        { levelIndex: 1, officialId: 'zhao' },
      ],
    });
    const singleLevel = app('submitted', { reviewSteps: reviewStepsFor(['district'], '320115') });
    expect(assertTransition(singleLevel, 'approve', districtOfficial).status).toBe('approved');
  });

  it('four eyes: whoever approved at one level cannot approve the next', () => {
    const afterDistrict = assertTransition(app('submitted'), 'approve', districtOfficial);
    const samePersonPromoted: Actor = { ...cityOfficial, id: 'li' };
    expect(checkTransition(afterDistrict, 'approve', samePersonPromoted)).toMatchObject({
      ok: false,
      code: 'FOUR_EYES_REQUIRED',
    });
    expect(canTransition(afterDistrict, 'reject', samePersonPromoted)).toBe(true);
    expect(canTransition(afterDistrict, 'approve', cityOfficial)).toBe(true);
  });

  it('a return starts a new round at the first level', () => {
    const afterDistrict = assertTransition(app('submitted'), 'approve', districtOfficial);
    const returned = assertTransition(afterDistrict, 'return', cityOfficial);
    expect(returned.status).toBe('returned');
    const resubmitted = assertTransition(returned, 'resubmit', fleetManager);
    expect(resubmitted).toMatchObject({ status: 'resubmitted', reviewLevelIndex: 0, approvals: [] });
    expect(availableActions(resubmitted, districtOfficial)).toEqual(['accept', 'approve', 'reject', 'return']);
  });

  it('throws a typed error carrying the code', () => {
    const attempt = () => assertTransition(app('approved'), 'withdraw', fleetManager);
    expect(attempt).toThrow(TransitionError);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        action: 'withdraw',
        from: 'approved',
        message: '申请已发证，不能撤回',
      }),
    );
  });

  it('offers each actor the buttons they may press', () => {
    expect(availableActions(app('draft'), fleetManager)).toEqual(['edit', 'submit', 'withdraw']);
    expect(availableActions(app('submitted'), fleetManager)).toEqual(['withdraw']);
    expect(availableActions(app('submitted'), districtOfficial)).toEqual(['accept', 'approve', 'reject', 'return']);
    expect(availableActions(app('submitted'), cityOfficial)).toEqual([]);
    expect(availableActions(app('returned'), fleetManager)).toEqual(['edit', 'withdraw', 'resubmit']);
    for (const status of Object.values(ApplicationStatus)) {
      expect(availableActions(app(status), admin)).toEqual([]);
      expect(availableActions(app(status), checkpointStaff)).toEqual([]);
      expect(availableActions(app(status), systemActor)).toEqual([]);
    }
    for (const status of ['approved', 'rejected', 'withdrawn'] as const) {
      expect(availableActions(app(status), fleetManager)).toEqual([]);
      expect(availableActions(app(status), districtOfficial)).toEqual([]);
    }
  });
});
