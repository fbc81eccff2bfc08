import { Controller, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  type AttachmentUploadQuery,
  type AttachmentView,
  attachmentUploadQuerySchema,
  attachmentViewSchema,
  ErrorCode,
  maxAttachmentBytes,
  Role,
  z,
} from '@pass/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { ApiContentResponse } from '../common/api-response.js';
import { DomainException } from '../common/domain.exception.js';
import { AttachmentsService } from './attachments.service.js';

@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Route.post({
    summary: `上传证明材料（JPG、PNG 或 PDF，不超过 ${maxAttachmentBytes / 1024 / 1024}MB）；行驶证上传到车辆，驾驶证、押运员证上传到人员，并填写有效期至`,
    roles: [Role.FleetManager],
    response: attachmentViewSchema,
    query: attachmentUploadQuerySchema,
  })
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

  @Route.get('held', {
    summary: '本企业车辆和司乘人员现有的证件（行驶证、驾驶证、押运员证；每车每人每类最新的一份）',
    roles: [Role.FleetManager],
    response: z.array(attachmentViewSchema),
  })
  held(@CurrentActor() actor: RequestActor): Promise<AttachmentView[]> {
    return this.attachments.held(actor);
  }

  @Route.get({ summary: '本企业上传的材料', roles: [Role.FleetManager], response: z.array(attachmentViewSchema) })
  list(@CurrentActor() actor: RequestActor): Promise<AttachmentView[]> {
    return this.attachments.list(actor);
  }

  @Route.get(':id/content', { summary: '材料文件内容' })
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
