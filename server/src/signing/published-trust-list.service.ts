import { Injectable } from '@nestjs/common';
import type { TrustList } from '@pass/shared';
import { DepartmentsService } from '../departments/departments.service.js';
import { SigningKeysService } from './signing-keys.service.js';

/**
 * The trust list as published (`GET /api/trust-list`) and as online verification uses it: the keys,
 * and the issuing departments with their duty phones, so an offline verdict can say whom to call.
 */
@Injectable()
export class PublishedTrustListService {
  constructor(
    private readonly keys: SigningKeysService,
    private readonly departments: DepartmentsService,
  ) {}

  async trustList(now = new Date()): Promise<TrustList> {
    const [list, departments] = await Promise.all([this.keys.trustList(now), this.departments.trustListEntries()]);
    return { ...list, departments };
  }
}
