import { Injectable } from '@nestjs/common';
import type { OnlineFacts, OnlineVerification } from '@pass/shared';
import {
  type DecodedPassToken,
  decimalToBytes,
  decodePassToken,
  ErrorCode,
  extractTokenFromUrl,
  findTrustedKeys,
  type IssuingDepartment,
  originWarning,
  type StatusList,
  type TrustList,
  tokenKeyId,
  type VerifyOptions,
  verifyFederatedToken,
  verifyPassToken,
} from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { FederationService } from '../federation/federation.service.js';
import { PassesService, type StatusSnapshot } from '../passes/passes.service.js';
import { PublishedTrustListService } from '../signing/published-trust-list.service.js';
import { nativeEd25519 } from './native-ed25519.js';
import { PassFacts, type StoredFacts } from './pass-facts.js';

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
    private readonly facts: PassFacts,
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
    // decimalToBytes refuses anything but digits itself; no regular expression over the digits first.
    return this.verifyToken(digits.length >= 1 && digits.length <= 1200 ? decimalToBytes(digits) : undefined);
  }

  /** Manual entry of the number printed on the pass, when the QR code cannot be read. */
  async verifyPassNumber(passNumber: string): Promise<OnlineVerification> {
    const pass = await this.passes.findByNumber(passNumber);
    if (!pass) throw new DomainException(ErrorCode.PassNotFound);
    return this.verifyToken(decimalToBytes(pass.tokenDigits));
  }

  /**
   * No database query for a pass seen before (issue 18): the status from this process's copy of the
   * status list (no older than a second, docs/scaling.md §6.7), the facts from `PassFacts`, the trust
   * list and the departments from their caches; the signature is checked on every request.
   */
  private async verifyToken(token: Uint8Array | undefined): Promise<OnlineVerification> {
    const trustList = await this.trustList();
    if (!token) {
      return { verification: verifyPassToken(new Uint8Array(0), { trustList }), facts: null };
    }
    // Decoded once, for the choice of trust list and the verification (the bytes when unreadable: the
    // verifier then says why).
    const decoded = decodePassToken(token) ?? token;
    if (!this.signedByOwnKey(decoded, trustList)) {
      // Another province's pass (全国互认): its issuer's own keys and status list, as fetched on schedule.
      const { verification, foreignIssuer } = verifyFederatedToken(decoded, {
        trustList,
        issuers: await this.federation.federatedIssuers(),
        signatureChecks: nativeChecks,
      });
      if (foreignIssuer) return { verification, facts: null, foreignIssuer };
    }
    // Departments as the admin keeps them (cached 5 s, dropped at once by a change in this process).
    const ownTrustList = withDepartments(trustList, await this.departments.trustListEntries());
    let verification = verifyPassToken(decoded, verifyOptions(ownTrustList, await this.passes.statusSnapshot()));
    if (verification.warnings.some((w) => w.code === 'status_not_covered') && 'claims' in verification) {
      // A genuine pass issued after the copy was read (at most a second ago): read the copy again and
      // check once more. Rare, and only for a signature that held, so a forged token cannot cause it.
      const snapshot = await this.passes.refreshedStatusSnapshot();
      verification = verifyPassToken(decoded, verifyOptions(ownTrustList, snapshot));
    }
    // Facts only for a token whose signature held: a forged token naming a real pass learns nothing.
    if (!('claims' in verification)) return { verification, facts: null };
    const status =
      verification.state === 'revoked' || verification.state === 'superseded' ? verification.state : 'active';
    const facts = await this.facts.of(verification.claims.passNumber, status);
    if (!facts) return { verification, facts: null };
    return { verification, facts: withDutyPhone(facts, verification.issuingDepartment?.dutyPhone ?? null) };
  }

  /** True when the token's key id is one of this deployment's (or the token cannot be read). */
  private signedByOwnKey(token: Uint8Array | DecodedPassToken, trustList: TrustList): boolean {
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

/**
 * The kept facts with the department's duty phone as the trust list has it now. Written out rather than
 * spread (`{ ...facts, issuingDepartmentPhone }`), which V8 built on its slow path on every scan
 * (docs/scaling.md §6.7); the type makes a new field of OnlineFacts fail to compile here until it is added.
 */
function withDutyPhone(facts: StoredFacts, issuingDepartmentPhone: string | null): OnlineFacts {
  return {
    passId: facts.passId,
    enterpriseName: facts.enterpriseName,
    issuingDepartment: facts.issuingDepartment,
    issuingDepartmentPhone,
    crew: facts.crew,
    materialDescription: facts.materialDescription,
    endReason: facts.endReason,
  };
}

/** The trust list with the departments as cached: a new object only when either changes, not per request. */
const listsWithDepartments = new WeakMap<IssuingDepartment[], { base: TrustList; list: TrustList }>();

function withDepartments(trustList: TrustList, departments: IssuingDepartment[]): TrustList {
  const kept = listsWithDepartments.get(departments);
  if (kept?.base === trustList) return kept.list;
  const list = { ...trustList, departments };
  listsWithDepartments.set(departments, { base: trustList, list });
  return list;
}

/**
 * The verifier's options, written out: built by spreading a shared object and adding the status list,
 * V8 took its slow path to define the property and then missed its caches on every read of the options
 * inside the verifier (docs/scaling.md §6.7).
 */
function verifyOptions(trustList: TrustList, snapshot: StatusSnapshot): VerifyOptions {
  return { trustList, statusList: statusListOf(snapshot), signatureChecks: nativeChecks };
}

/** Per snapshot (a new one at most each second), not per request. */
const statusLists = new WeakMap<StatusSnapshot, StatusList>();

/** The copy as the shared verifier reads a status list: only the indexes it covers. */
function statusListOf(snapshot: StatusSnapshot): StatusList {
  let list = statusLists.get(snapshot);
  if (!list) {
    list = {
      version: snapshot.version,
      generatedAt: snapshot.readAt.toISOString(),
      bits: snapshot.bits.subarray(0, Math.ceil(snapshot.size / 4)),
    };
    statusLists.set(snapshot, list);
  }
  return list;
}
