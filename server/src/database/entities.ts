import { AccountEntity } from '../accounts/account.entity.js';
import { CheckpointEntity } from '../checkpoints/checkpoint.entity.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

export const entities = [AccountEntity, CheckpointEntity, EnterpriseEntity];
