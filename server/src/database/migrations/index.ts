import { Init1763830000000 } from './1763830000000-Init.js';

/** Every migration, oldest first. Listed explicitly so the ESM build needs no file globbing. */
export const migrations = [Init1763830000000];
