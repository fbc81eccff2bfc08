import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  bytesToDecimal,
  chinaToday,
  ErrorCode,
  encodePassUrl,
  type PassTokenFields,
  signPassToken,
} from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PassDocumentService } from '../pass-documents/pass-document.service.js';
import { nativeEd25519Signer } from './native-ed25519-signer.js';
import { signerOf } from './signing-key.js';
import { SigningKeysService } from './signing-keys.service.js';

/** What the issuing code knows about a pass; the signing time is added here. */
export type PassTokenInput = Omit<PassTokenFields, 'issuedAt'>;

export interface IssuedPassToken {
  /** COSE_Sign1 bytes (docs/pass-token.md). */
  token: Uint8Array;
  /** The token as the decimal digits of the URL. */
  digits: string;
  /** What the QR code holds: `<PUBLIC_BASE_URL>/V/<digits>`, upper case up to the digits. */
  url: string;
  kid: string;
  issuedAt: string;
}

/** Signs pass tokens with the current key; the issuance workflow calls it when a pass is granted. */
@Injectable()
export class PassTokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeysService,
    private readonly documents: PassDocumentService,
  ) {}

  async issue(pass: PassTokenInput, now = new Date()): Promise<IssuedPassToken> {
    // A key leaves the trust list `keyRetentionDays` after it stops signing; a pass running longer
    // than that after issue would turn into "unknown key" at checkpoints while still valid.
    const lastListedDay = addDays(chinaToday(now), this.config.signing.keyRetentionDays);
    if (pass.validTo > lastListedDay) {
      throw new DomainException(
        ErrorCode.ValidityTooLong,
        `通行证有效期截止日期不能晚于${lastListedDay}（签发后${this.config.signing.keyRetentionDays}天）`,
      );
    }
    const key = await this.keys.signingKey(now);
    const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
    // Ed25519 through OpenSSL (same bytes, much faster); SM2 with the shared pure-JS scheme.
    const signingKey = key.alg === 'Ed25519' ? { ...signerOf(key), sign: nativeEd25519Signer(key) } : signerOf(key);
    const sign = (fields: PassTokenInput) => {
      try {
        return signPassToken({ ...fields, issuedAt }, signingKey);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        throw new DomainException(ErrorCode.ValidationFailed, undefined, [{ path: 'pass', message: error.message }]);
      }
    };
    let token = sign(pass);
    let url = encodePassUrl(this.config.publicBaseUrl, token);
    // The crew's initials are the one part of a pass that may give way to the QR size limit: roles and
    // ID digests always fit (docs/pass-token.md §1), names only "as far as the budget allows".
    if (pass.crew?.some((person) => person.initial) && !this.documents.fitsQrBudget(url)) {
      token = sign({ ...pass, crew: pass.crew.map(({ role, idDigest }) => ({ role, idDigest })) });
      url = encodePassUrl(this.config.publicBaseUrl, token);
    }
    return { token, digits: bytesToDecimal(token), url, kid: key.kid, issuedAt };
  }
}
