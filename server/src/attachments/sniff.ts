import type { attachmentMimeTypes } from '@pass/shared';

type AttachmentMimeType = (typeof attachmentMimeTypes)[number];

const signatures: { mime: AttachmentMimeType; bytes: number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The type of an upload by its first bytes; what the client declares is not trusted. */
export function sniffMimeType(content: Buffer): AttachmentMimeType | undefined {
  return signatures.find((s) => s.bytes.every((b, i) => content[i] === b))?.mime;
}
