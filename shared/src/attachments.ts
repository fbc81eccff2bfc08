/**
 * Supporting documents an application may carry. Which ones are required is a province setting; the
 * 2022 health certificates are deliberately absent and would be added as a new kind if ever needed.
 */
export const AttachmentKind = {
  DrivingLicence: 'driving_licence',
  VehicleLicence: 'vehicle_licence',
  TransportCertificate: 'transport_certificate',
  CommitmentLetter: 'commitment_letter',
  EscortCertificate: 'escort_certificate',
  Other: 'other',
} as const;

export type AttachmentKind = (typeof AttachmentKind)[keyof typeof AttachmentKind];

export const attachmentKindNames: Record<AttachmentKind, string> = {
  driving_licence: '驾驶证',
  vehicle_licence: '行驶证',
  transport_certificate: '道路运输证',
  commitment_letter: '承诺书',
  escort_certificate: '押运员证',
  other: '其他材料',
};

/** Images or PDF, as photographed or scanned on a phone. */
export const attachmentMimeTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export const maxAttachmentBytes = 10 * 1024 * 1024;
