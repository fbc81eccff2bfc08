import { describe, expect, it } from '@jest/globals';
import type { AttachmentKind } from './attachments.js';
import { documentNeeds, documentProblems, type HeldDocument, heldDocumentUploadIssue } from './held-documents.js';
import { attachmentUploadQuerySchema } from './schemas/queries.js';

const vehicle = { id: 'v1', plate: '苏A12345' };
const driver = { id: 'd1', name: '周师傅', role: 'driver' as const };
const escort = { id: 'd2', name: '郑押运', role: 'escort' as const };
const jiangsu: AttachmentKind[] = ['driving_licence', 'vehicle_licence', 'commitment_letter'];

const doc = (
  kind: AttachmentKind,
  holder: { vehicleId?: string; driverId?: string },
  expiresOn: string,
): HeldDocument => ({
  id: `${kind}-${holder.vehicleId ?? holder.driverId}`,
  kind,
  vehicleId: holder.vehicleId ?? null,
  driverId: holder.driverId ?? null,
  expiresOn,
});

describe('documentNeeds', () => {
  it("asks the vehicle for its 行驶证 and each person for their role's licence, marking the required ones", () => {
    expect(documentNeeds(jiangsu, vehicle, [driver, escort])).toEqual([
      { kind: 'vehicle_licence', holder: 'vehicle', holderId: 'v1', who: '车辆苏A·12345', required: true },
      { kind: 'driving_licence', holder: 'driver', holderId: 'd1', who: '驾驶员周师傅', required: true },
      { kind: 'escort_certificate', holder: 'driver', holderId: 'd2', who: '押运员郑押运', required: false },
    ]);
  });
});

describe('documentProblems', () => {
  const needs = documentNeeds(jiangsu, vehicle, [driver, escort]);
  const check = { today: '2026-12-02', validTo: '2026-12-11' };
  const valid = [
    doc('vehicle_licence', { vehicleId: 'v1' }, '2027-01-01'),
    doc('driving_licence', { driverId: 'd1' }, '2026-12-11'),
  ];

  it.each<[string, HeldDocument[], Partial<typeof check> & { attachedKinds?: AttachmentKind[] }, string[]]>([
    ['documents valid through the last day', valid, {}, []],
    ['a required 行驶证 missing', valid.slice(1), {}, ['车辆苏A·12345未上传行驶证，请在车辆管理中上传']],
    [
      'a missing one attached to the application the old way',
      valid.slice(1),
      { attachedKinds: ['vehicle_licence'] },
      [],
    ],
    [
      'a 驾驶证 ending before the pass',
      [valid[0]!, doc('driving_licence', { driverId: 'd1' }, '2026-12-10')],
      {},
      ['驾驶员周师傅的驾驶证有效期至2026-12-10，早于通行证有效期截止日期2026-12-11'],
    ],
    [
      'a 行驶证 already expired',
      [doc('vehicle_licence', { vehicleId: 'v1' }, '2026-12-01'), valid[1]!],
      {},
      ['车辆苏A·12345的行驶证已于2026-12-01过期，请在车辆管理中更新'],
    ],
    [
      'an optional 押运员证 held but expiring early',
      [...valid, doc('escort_certificate', { driverId: 'd2' }, '2026-12-05')],
      {},
      ['押运员郑押运的押运员证有效期至2026-12-05，早于通行证有效期截止日期2026-12-11'],
    ],
    [
      "another holder's document",
      [doc('vehicle_licence', { vehicleId: 'v2' }, '2027-01-01'), valid[1]!],
      {},
      ['车辆苏A·12345未上传行驶证，请在车辆管理中上传'],
    ],
  ])('%s', (_case, held, extra, messages) => {
    expect(documentProblems(needs, held, { ...check, ...extra }).map((p) => p.message)).toEqual(messages);
  });
});

describe('uploads of held documents', () => {
  it.each([
    [{ kind: 'vehicle_licence', vehicleId: 'v', expiresOn: '2027-01-01' }, undefined],
    [{ kind: 'escort_certificate', driverId: 'd', expiresOn: '2027-01-01' }, undefined],
    [{ kind: 'commitment_letter' }, undefined],
    [{ kind: 'vehicle_licence', expiresOn: '2027-01-01' }, 'vehicleId'],
    [{ kind: 'driving_licence', vehicleId: 'v', expiresOn: '2027-01-01' }, 'driverId'],
    [{ kind: 'driving_licence', driverId: 'd' }, 'expiresOn'],
    [{ kind: 'other', driverId: 'd' }, 'driverId'],
  ] as const)('%j → %s', (upload, path) => {
    expect(heldDocumentUploadIssue(upload)?.path).toBe(path);
  });

  it('are checked by the query schema, with the message under the field', () => {
    const parsed = attachmentUploadQuerySchema.safeParse({ kind: 'vehicle_licence', expiresOn: '2027-01-01' });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: ['vehicleId'],
        message: '行驶证请在车辆登记信息中上传，上传一次即可用于每次申请',
      }),
    ]);
  });
});
