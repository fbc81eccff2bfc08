import { describe, expect, it } from '@jest/globals';
import { Role } from '../roles.js';
import { type Actor, type ActorRole, SystemRole, systemActor } from './actor.js';
import {
  assertPassTransition,
  availablePassActions,
  canPassTransition,
  checkPassTransition,
  PassAction,
  type PassSnapshot,
  PassStatus,
  passValidityOn,
} from './pass-state.js';
import { TransitionError } from './transition-error.js';

const pass = (status: PassStatus): PassSnapshot => ({
  status,
  issuerCode: '320115',
  routingCounty: '320115',
  validFrom: '2022-05-20',
  validTo: '2022-05-29',
});
const afterExpiry = { today: '2022-05-30' };

const actorOfRole: Record<ActorRole, Actor> = {
  fleet_manager: { role: Role.FleetManager, id: 'fm-1', enterpriseId: 'e-1' },
  official: { role: Role.Official, id: 'li', jurisdictionCode: '320115', reviewLevel: 'district' },
  admin: { role: Role.Admin, id: 'admin-1' },
  checkpoint_staff: { role: Role.CheckpointStaff, id: 'cp-1' },
  crew: { role: Role.Crew, id: 'crew-1' },
  system: systemActor,
};

const expectedTable = `
  active  revoke     official  revoked
  active  revoke     admin     revoked
  active  expire     system    expired
  active  supersede  system    superseded
`;

const expected = new Map(
  expectedTable
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([status, action, role, next]) => [`${status} ${action} ${role}`, next]),
);

describe('pass transitions, every (state, action, role)', () => {
  const roles: ActorRole[] = [...Object.values(Role), SystemRole];
  const combinations = Object.values(PassStatus).flatMap((status) =>
    Object.values(PassAction).flatMap((action) => roles.map((role) => [status, action, role] as const)),
  );

  it('covers all 4 × 3 × 6 combinations', () => {
    expect(combinations).toHaveLength(72);
  });

  it.each(combinations)('%s %s by %s', (status, action, role) => {
    const result = checkPassTransition(pass(status), action, actorOfRole[role], afterExpiry);
    const next = expected.get(`${status} ${action} ${role}`);
    if (next) {
      expect(result).toEqual({ ok: true, next: { ...pass(status), status: next } });
    } else {
      const roleMayEver = [...expected.keys()].some((key) => key.endsWith(` ${action} ${role}`));
      expect(result).toMatchObject({ ok: false, code: roleMayEver ? 'INVALID_TRANSITION' : 'FORBIDDEN' });
    }
  });
});

describe('pass guards', () => {
  it('lets officials revoke passes of their own or a covered jurisdiction only', () => {
    const city: Actor = { role: Role.Official, id: 'zhao', jurisdictionCode: '320100', reviewLevel: 'city' };
    const province: Actor = { role: Role.Official, id: 'qian', jurisdictionCode: '320000', reviewLevel: 'province' };
    const neighbour: Actor = { role: Role.Official, id: 'wu', jurisdictionCode: '320114', reviewLevel: 'district' };
    const none: Actor = { role: Role.Official, id: 'x', jurisdictionCode: null };
    expect(checkPassTransition(pass('active'), 'revoke', city).ok).toBe(true);
    expect(checkPassTransition(pass('active'), 'revoke', province).ok).toBe(true);
    expect(checkPassTransition(pass('active'), 'revoke', neighbour)).toMatchObject({
      ok: false,
      code: 'NOT_IN_JURISDICTION',
    });
    expect(checkPassTransition(pass('active'), 'revoke', none)).toMatchObject({
      ok: false,
      code: 'NOT_IN_JURISDICTION',
    });
  });

  it('expires a pass only after its last day', () => {
    expect(checkPassTransition(pass('active'), 'expire', systemActor, { today: '2022-05-29' })).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(assertPassTransition(pass('active'), 'expire', systemActor, afterExpiry).status).toBe('expired');
  });

  it('never brings a pass back', () => {
    expect(() => assertPassTransition(pass('revoked'), 'revoke', actorOfRole.admin)).toThrow(TransitionError);
    for (const status of ['expired', 'revoked', 'superseded'] as const) {
      for (const actor of Object.values(actorOfRole))
        expect(availablePassActions(pass(status), actor, afterExpiry)).toEqual([]);
    }
  });

  it('offers the revoke button to the issuing official and to admins', () => {
    expect(availablePassActions(pass('active'), actorOfRole.official)).toEqual(['revoke']);
    expect(availablePassActions(pass('active'), actorOfRole.admin)).toEqual(['revoke']);
    expect(availablePassActions(pass('active'), actorOfRole.fleet_manager)).toEqual([]);
    expect(availablePassActions(pass('active'), actorOfRole.checkpoint_staff)).toEqual([]);
  });

  it('lets the officials of the reviewing and of the issuing jurisdiction revoke, and no one else', () => {
    // Reviewed in 江宁区 (320115), issued by 南京市 (320100) at the end of a district → city chain.
    const cityIssued: PassSnapshot = { ...pass('active'), issuerCode: '320100', routingCounty: '320115' };
    const official = (jurisdictionCode: string): Actor => ({
      role: Role.Official,
      id: `o-${jurisdictionCode}`,
      jurisdictionCode,
    });
    expect(canPassTransition(cityIssued, 'revoke', official('320115'))).toBe(true);
    expect(canPassTransition(cityIssued, 'revoke', official('320100'))).toBe(true);
    expect(canPassTransition(cityIssued, 'revoke', official('320000'))).toBe(true);
    const neighbour = checkPassTransition(cityIssued, 'revoke', official('320114'));
    expect(neighbour).toEqual({ ok: false, code: 'NOT_IN_JURISDICTION', message: '只能撤销本辖区审核或核发的通行证' });
    expect(canPassTransition(cityIssued, 'revoke', official('320200'))).toBe(false);
    expect(canPassTransition(cityIssued, 'revoke', { role: Role.Official, id: 'x', jurisdictionCode: null })).toBe(
      false,
    );
  });

  it('tells a checkpoint what a pass means on a day', () => {
    expect(passValidityOn(pass('active'), '2022-05-19')).toBe('not_yet_valid');
    expect(passValidityOn(pass('active'), '2022-05-20')).toBe('valid');
    expect(passValidityOn(pass('active'), '2022-05-29')).toBe('valid');
    expect(passValidityOn(pass('active'), '2022-05-30')).toBe('expired');
    expect(passValidityOn(pass('revoked'), '2022-05-25')).toBe('revoked');
    expect(passValidityOn(pass('superseded'), '2022-05-25')).toBe('superseded');
  });
});
