import { Inject, Injectable } from '@nestjs/common';
import type { OnlineFacts, OnlineVerification } from '@pass/shared';
import {
  buildStatusListBits,
  decimalToBytes,
  ErrorCode,
  extractTokenFromUrl,
  originWarning,
  PassTokenStatus,
  type TrustList,
  verifyPassToken,
} from '@pass/shared';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { PassEntity } from '../passes/pass.entity.js';
import { PublishedTrustListService } from '../signing/published-trust-list.service.js';

const trustListTtlMs = 60_000;

/**
 * Online verification uses exactly the verifier checkpoints run offline, fed with the server's trust
 * list and the pass's current status, so both always reach the same verdict for the same pass.
 */
@Injectable()
export class VerificationService {
  private cachedTrustList: { list: TrustList; until: number } | undefined;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly published: PublishedTrustListService,
    private readonly departments: DepartmentsService,
  ) {}

  /** A scanned URL: its token, and whether it points at this issuer's official address. */
  async verifyUrl(url: string): Promise<OnlineVerification> {
    const online = await this.verifyToken(extractTokenFromUrl(url) ?? undefined);
    const warning = online.verification.state === 'malformed' ? undefined : originWarning(url, await this.trustList());
    if (!warning) return online;
    return {
      ...online,
      verification: { ...online.verification, warnings: [warning, ...online.verification.warnings] },
    };
  }

  async verifyDigits(digits: string): Promise<OnlineVerification> {
    return this.verifyToken(/^\d{1,1200}$/.test(digits) ? decimalToBytes(digits) : undefined);
  }

  /** Manual entry of the number printed on the pass, when the QR code cannot be read. */
  async verifyPassNumber(passNumber: string): Promise<OnlineVerification> {
    const pass = await this.dataSource.getRepository(PassEntity).findOneBy({ passNumber });
    if (!pass) throw new DomainException(ErrorCode.PassNotFound);
    return this.verifyToken(decimalToBytes(pass.tokenDigits));
  }

  private async verifyToken(token: Uint8Array | undefined): Promise<OnlineVerification> {
    const trustList = await this.trustList();
    if (!token) {
      return { verification: verifyPassToken(new Uint8Array(0), { trustList }), facts: null };
    }
    const firstLook = verifyPassToken(token, { trustList, statusList: emptyStatusList() });
    if (!('claims' in firstLook)) return { verification: firstLook, facts: null };

    const pass = await this.dataSource.getRepository(PassEntity).findOneBy({ passNumber: firstLook.claims.passNumber });
    const status =
      pass?.status === 'revoked'
        ? PassTokenStatus.Revoked
        : pass?.status === 'superseded'
          ? PassTokenStatus.Superseded
          : PassTokenStatus.Valid;
    const index = firstLook.claims.statusIndex;
    // Departments as the admin keeps them now, not as cached with the keys: a changed phone shows at once.
    const departments = await this.departments.trustListEntries();
    const verification = verifyPassToken(token, {
      trustList: { ...trustList, departments },
      statusList: {
        version: 0,
        generatedAt: new Date().toISOString(),
        bits: buildStatusListBits(index + 1, status === PassTokenStatus.Valid ? [] : [[index, status]]),
      },
    });
    if (!pass) return { verification, facts: null };
    const department = 'issuingDepartment' in verification ? verification.issuingDepartment : null;
    return { verification, facts: factsOf(pass, department?.dutyPhone ?? null) };
  }

  private async trustList(): Promise<TrustList> {
    const now = Date.now();
    if (!this.cachedTrustList || this.cachedTrustList.until < now) {
      this.cachedTrustList = { list: await this.published.trustList(new Date(now)), until: now + trustListTtlMs };
    }
    return this.cachedTrustList.list;
  }
}

function emptyStatusList() {
  return { version: 0, generatedAt: new Date().toISOString(), bits: new Uint8Array(0) };
}

/** 王建国 → 王*国, 李四 → 李*: enough to compare with a card, not enough to list people. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

function factsOf(pass: PassEntity, issuingDepartmentPhone: string | null): OnlineFacts {
  return {
    passId: pass.id,
    enterpriseName: pass.enterpriseName,
    issuingDepartment: pass.issuingDepartment,
    issuingDepartmentPhone,
    crew: pass.crew.map((c) => ({ name: maskName(c.name), idNumber: c.idNumberMasked, role: c.role })),
    materialDescription: pass.materialDescription,
    endReason: pass.endReason,
  };
}
