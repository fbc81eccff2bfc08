export type { PassView } from '@pass/shared';
