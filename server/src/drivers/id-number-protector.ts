import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { maskIdNumber } from '@pass/shared';
import { SECRETS, type Secrets } from '../config/secrets.js';

/**
 * ID numbers at rest: AES-256-GCM for the number itself (readable only where a person must compare it
 * with the card), an HMAC to find the same person without decrypting, and the masked form for lists.
 */
@Injectable()
export class IdNumberProtector {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(@Inject(SECRETS) secrets: Secrets) {
    // Two keys derived from one secret, so a leaked lookup hash says nothing about the cipher key.
    this.encryptionKey = createHmac('sha256', secrets.dataKey).update('id-number:encrypt').digest();
    this.hashKey = createHmac('sha256', secrets.dataKey).update('id-number:lookup').digest();
  }

  protect(idNumber: string): { encrypted: string; hash: string; masked: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
    return {
      encrypted: [
        'v1',
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.'),
      hash: this.hash(idNumber),
      masked: maskIdNumber(idNumber),
    };
  }

  hash(idNumber: string): string {
    return createHmac('sha256', this.hashKey).update(idNumber).digest('hex');
  }

  reveal(encrypted: string): string {
    const [version, iv, body, tag] = encrypted.split('.');
    if (version !== 'v1' || !iv || !body || !tag) throw new Error('unknown ID number encryption format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
