export type { CheckpointView, OnlineFacts, OnlineVerification } from '@pass/shared';
