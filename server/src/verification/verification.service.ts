import { Injectable } from '@nestjs/common';
import type { OnlineFacts, OnlineVerification } from '@pass/shared';
import {
  buildStatusListBits,
  decimalToBytes,
  ErrorCode,
  extractTokenFromUrl,
  findTrustedKeys,
  originWarning,
  PassTokenStatus,
  type TrustList,
  tokenKeyId,
  unverifiedPassNumber,
  verifyFederatedToken,
  verifyPassToken,
} from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { FederationService } from '../federation/federation.service.js';
import type { PassEntity } from '../passes/pass.entity.js';
import { PassesService } from '../passes/passes.service.js';
import { PublishedTrustListService } from '../signing/published-trust-list.service.js';
import { nativeEd25519 } from './native-ed25519.js';

/** OpenSSL's Ed25519; SM2 keys are checked by the pure-JS sm-crypto-v2, the one the devices run. */
const nativeChecks = { Ed25519: nativeEd25519 };

const trustListTtlMs = 60_000;

/**
 * Online verification uses exactly the verifier checkpoints run offline, fed with the server's trust
 * list and the pass's current status, so both always reach the same verdict for the same pass.
 */
@Injectable()
export class VerificationService {
  private cachedTrustList: { list: TrustList; until: number } | undefined;

  constructor(
    private readonly published: PublishedTrustListService,
    private readonly passes: PassesService,
    private readonly departments: DepartmentsService,
    private readonly federation: FederationService,
  ) {}

  /** A scanned URL: its token, and whether it points at this issuer's official address. */
  async verifyUrl(url: string): Promise<OnlineVerification> {
    const online = await this.verifyToken(extractTokenFromUrl(url) ?? undefined);
    const foreign = online.foreignIssuer
      ? (await this.federation.federatedIssuers()).find((i) => i.issuerRegion === online.foreignIssuer?.issuerRegion)
      : undefined;
    const warning =
      online.verification.state === 'malformed'
        ? undefined
        : originWarning(url, foreign?.trustList ?? (await this.trustList()));
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
    const pass = await this.passes.findByNumber(passNumber);
    if (!pass) throw new DomainException(ErrorCode.PassNotFound);
    return this.verifyToken(decimalToBytes(pass.tokenDigits), pass);
  }

  /** `known`: the pass the caller already read for this token, so it is not read twice. */
  private async verifyToken(token: Uint8Array | undefined, known?: PassEntity): Promise<OnlineVerification> {
    const trustList = await this.trustList();
    if (!token) {
      return { verification: verifyPassToken(new Uint8Array(0), { trustList }), facts: null };
    }
    if (!this.signedByOwnKey(token, trustList)) {
      // Another province's pass (全国互认): its issuer's own keys and status list, as fetched on schedule.
      const { verification, foreignIssuer } = verifyFederatedToken(token, {
        trustList,
        issuers: await this.federation.federatedIssuers(),
        signatureChecks: nativeChecks,
      });
      if (foreignIssuer) return { verification, facts: null, foreignIssuer };
    }
    // The claimed number only finds the pass's status; the one signature check below decides.
    const claimed = unverifiedPassNumber(token);
    const pass = known ?? (claimed ? await this.passes.findByNumber(claimed.passNumber) : null);
    const status =
      pass?.status === 'revoked'
        ? PassTokenStatus.Revoked
        : pass?.status === 'superseded'
          ? PassTokenStatus.Superseded
          : PassTokenStatus.Valid;
    // The list covers the pass's own index from the database, never a size an unverified token names
    // (a forged index of 2³² would cost a 1 GiB list). No pass here: nothing to cover, and the verdict
    // says that revocation could not be checked.
    const index = pass?.statusIndex;
    const verification = verifyPassToken(token, {
      // Departments as the admin keeps them now, not as cached with the keys: a changed phone shows at once.
      trustList: { ...trustList, departments: await this.departments.trustListEntries() },
      signatureChecks: nativeChecks,
      statusList: {
        version: 0,
        generatedAt: new Date().toISOString(),
        bits:
          index === undefined
            ? new Uint8Array(0)
            : buildStatusListBits(index + 1, status === PassTokenStatus.Valid ? [] : [[index, status]]),
      },
    });
    // Facts only for a token whose signature held: a forged token naming a real pass learns nothing.
    if (!pass || !('claims' in verification)) return { verification, facts: null };
    return { verification, facts: factsOf(pass, verification.issuingDepartment?.dutyPhone ?? null) };
  }

  /** True when the token's key id is one of this deployment's (or the token cannot be read). */
  private signedByOwnKey(token: Uint8Array, trustList: TrustList): boolean {
    const kid = tokenKeyId(token);
    return !kid || findTrustedKeys(trustList, kid).length > 0;
  }

  private async trustList(): Promise<TrustList> {
    const now = Date.now();
    if (!this.cachedTrustList || this.cachedTrustList.until < now) {
      this.cachedTrustList = { list: await this.published.trustList(new Date(now)), until: now + trustListTtlMs };
    }
    return this.cachedTrustList.list;
  }
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
