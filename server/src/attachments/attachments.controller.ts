import { Controller, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import {
  type AttachmentUploadQuery,
  type AttachmentView,
  attachmentRoutes,
  ErrorCode,
  maxAttachmentBytes,
} from '@pass/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { IdParam } from '../common/api-body.js';
import { ApiContentResponse } from '../common/api-response.js';
import { DomainException } from '../common/domain.exception.js';
import { AttachmentsService } from './attachments.service.js';

@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Endpoint(attachmentRoutes.upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        fileName: {
          type: 'string',
          description: '用户看到的文件名（须在 file 之前发送；微信上传时文件部分的名称是临时文件名）',
        },
        file: { type: 'string', format: 'binary' },
      },
      required: ['file'],
    },
  })
  async upload(
    @CurrentActor() actor: RequestActor,
    @Input() query: AttachmentUploadQuery,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentView> {
    if (!request.isMultipart())
      throw new DomainException(ErrorCode.ValidationFailed, '请以 multipart/form-data 上传文件');
    const file = await request.file();
    if (!file) throw new DomainException(ErrorCode.ValidationFailed, '请选择要上传的文件');
    const tooLarge = new DomainException(
      ErrorCode.ValidationFailed,
      `文件不能超过${maxAttachmentBytes / 1024 / 1024}MB`,
    );
    let content: Buffer;
    try {
      content = await file.toBuffer();
    } catch {
      throw tooLarge;
    }
    // toBuffer does not always throw when busboy cut the stream at the limit; the flag is reliable.
    if (file.file.truncated) throw tooLarge;
    return this.attachments.upload(actor, query, uploadedName(file.fields, file.filename), content);
  }

  @Endpoint(attachmentRoutes.held)
  held(@CurrentActor() actor: RequestActor): Promise<AttachmentView[]> {
    return this.attachments.held(actor);
  }

  @Endpoint(attachmentRoutes.list)
  list(@CurrentActor() actor: RequestActor): Promise<AttachmentView[]> {
    return this.attachments.list(actor);
  }

  @Endpoint(attachmentRoutes.content)
  @ApiContentResponse('材料文件', 'image/jpeg', 'image/png', 'application/pdf')
  async content(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const { attachment, bytes } = await this.attachments.content(actor, id);
    await reply
      .header('content-type', attachment.mimeType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.originalName)}`)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  }
}

/**
 * The file's own name: the `fileName` form field when one came before the file, else the part's
 * filename. WeChat's uploadFile names the part after its temporary copy (wxfile://tmp_…), so the
 * mini-program sends the name the user saw as a field.
 */
function uploadedName(fields: Record<string, unknown>, partName: string): string {
  const field = fields.fileName as { type?: string; value?: unknown } | undefined;
  const given = field?.type === 'field' && typeof field.value === 'string' ? field.value.trim() : '';
  return given || partName;
}
