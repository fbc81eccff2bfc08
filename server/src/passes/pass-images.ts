import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, Role } from '@pass/shared';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { PassDocumentService } from '../pass-documents/pass-document.service.js';
import { PassEntity } from './pass.entity.js';
import { PassCrew } from './pass-crew.js';
import { canSeePass, type PassScope } from './pass-scope.js';

/** What a QR request needs of a pass; none of it changes once the pass is issued. */
interface PassImageFacts extends PassScope {
  url: string;
  /** Names the image (the URL it encodes): a phone that has it asks with If-None-Match and gets 304. */
  etag: string;
}

/** A pass's QR image and the ETag it is served with. */
export interface PassImage {
  body: Buffer | string;
  etag: string;
}

/**
 * The QR images of a pass for whoever may see it. The fleet home, the pass screen and the driver's
 * phone ask for them again and again: the images are drawn once (PassDocumentService's cache) and what
 * the scope check needs of the pass is kept here too, per pass id and bounded, so a repeated request
 * reads nothing from the database (a crew session still asks whether it rides on the pass). Everything
 * kept is fixed at issue, a revoked pass included: its QR stays what it was, the verdict says revoked.
 */
@Injectable()
export class PassImages {
  private readonly facts = new LRUCache<string, PassImageFacts>({ max: 50_000 });

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly documents: PassDocumentService,
    private readonly crew: PassCrew,
  ) {}

  async png(actor: RequestActor, id: string): Promise<PassImage> {
    const facts = await this.visible(actor, id);
    return { body: await this.documents.qrPng(facts.url), etag: `"p${facts.etag}"` };
  }

  async svg(actor: RequestActor, id: string): Promise<PassImage> {
    const facts = await this.visible(actor, id);
    return { body: this.documents.qrSvg(facts.url), etag: `"s${facts.etag}"` };
  }

  private async visible(actor: RequestActor, id: string): Promise<PassImageFacts> {
    const facts = this.facts.get(id) ?? (await this.read(id));
    const visible =
      facts && (actor.role === Role.Crew ? await this.crew.rides(actor.phone, id) : canSeePass(actor, facts));
    if (!visible) throw new DomainException(ErrorCode.PassNotFound);
    return facts;
  }

  private async read(id: string): Promise<PassImageFacts | undefined> {
    const pass = await this.dataSource.getRepository(PassEntity).findOne({
      select: { id: true, enterpriseId: true, routingCounty: true, issuerCode: true, tokenDigits: true },
      where: { id },
    });
    if (!pass) return undefined;
    const url = this.documents.urlOf(pass.tokenDigits);
    const facts: PassImageFacts = {
      enterpriseId: pass.enterpriseId,
      routingCounty: pass.routingCounty,
      issuerCode: pass.issuerCode,
      url,
      etag: createHash('sha256').update(url).digest('base64url').slice(0, 22),
    };
    this.facts.set(id, facts);
    return facts;
  }
}
