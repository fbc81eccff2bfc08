import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type SignedDocument, signDocument, type TrustList, urlOrigin } from '@pass/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { KeyStore } from './key-store.js';
import { type SigningKey, signerOf, toTrustedKey } from './signing-key.js';

/** The deployment's pass signing keys (see KeyStore) and the trust list that publishes them. */
@Injectable()
export class SigningKeysService implements OnModuleInit {
  private readonly logger = new Logger('SigningKeys');
  readonly store: KeyStore;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.store = new KeyStore(config.signing.keysDir, {
      warn: (message) => this.logger.warn(message),
      algorithm: config.signing.algorithm,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.store.ensureKey();
    const current = await this.store.signingKey(new Date());
    if (current) this.logger.log(`通行证签名密钥 ${current.kid}（${current.alg}，${this.config.signing.keysDir}）`);
    if (current && current.alg !== this.config.signing.algorithm) {
      this.logger.warn(
        `SIGNING_ALGORITHM 为 ${this.config.signing.algorithm}，当前签名密钥 ${current.kid} 为 ${current.alg}：轮换密钥后生效（见 docs/pass-token.md §5）`,
      );
    }
    if (!current) this.logger.error(`${this.config.signing.keysDir} 中没有当前可用的签名密钥，无法签发通行证`);
  }

  /** Throws when no key is in its signing period: an operator must rotate (see docs/pass-token.md). */
  async signingKey(now: Date): Promise<SigningKey> {
    const key = await this.store.signingKey(now);
    if (!key) throw new Error(`No pass signing key is active in ${this.config.signing.keysDir}`);
    return key;
  }

  /**
   * `value` as a SignedDocument (status list, issuer document, bundle), signed with its key's
   * algorithm by `key`, the current key when not given.
   */
  async signDocument(value: unknown, key?: SigningKey): Promise<SignedDocument> {
    return signDocument(value, signerOf(key ?? (await this.signingKey(new Date()))));
  }

  async trustList(now = new Date()): Promise<TrustList> {
    const { issuerName, issuerRegion, keyRetentionDays } = this.config.signing;
    const keys = await this.store.publishedKeys(now, keyRetentionDays);
    return {
      generatedAt: now.toISOString(),
      keys: keys.map((key) => toTrustedKey(key, issuerName, issuerRegion)),
      passUrlOrigins: [urlOrigin(this.config.publicBaseUrl) ?? this.config.publicBaseUrl.toLowerCase()],
    };
  }
}
