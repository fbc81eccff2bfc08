import { Module } from '@nestjs/common';
import { PassDocumentService } from './pass-document.service.js';

/** QR images and the printable pass, for the issuance workflow and the pass download endpoints. */
@Module({ providers: [PassDocumentService], exports: [PassDocumentService] })
export class PassDocumentsModule {}
