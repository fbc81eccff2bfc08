import { type ApiClient, loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';

export interface IssuedPass {
  id: string;
  passNumber: string;
  url: string;
}

/**
 * Two passes for the checkpoint tests on a district-only stack: the demo fleet manager registers each
 * plate and applies, the district official approves. One is kept valid, the other is for revoking.
 */
export async function issueCheckpointPasses(
  url: string,
  plates: { kept: string; revoked: string },
): Promise<{ fleet: ApiClient; official: ApiClient; passes: Record<'kept' | 'revoked', IssuedPass> }> {
  const fleet = await loginAs(url, '13800000001');
  const official = await loginAs(url, '13800000002');
  const issue = async (plate: string, serial: number): Promise<IssuedPass> => {
    const registered = await registerFleet(fleet, plate, serial);
    const id = await submitApplication(fleet, completeApplication(registered, 0, 5));
    const decided = await official.post(`/reviews/${id}/decision`, { decision: 'approve' });
    return (await fleet.get(`/passes/${decided.body.passId}`)).body;
  };
  return { fleet, official, passes: { kept: await issue(plates.kept, 40), revoked: await issue(plates.revoked, 50) } };
}
