import { maxInterceptionReason, ScanDirection, ScanKind, ScanResult } from '../scan.js';
import { z } from '../zod.js';
import { passNumberSchema, textField, uuidField } from './fields.js';

/**
 * One scan as the checkpoint device recorded it. The id is generated on the device, so a batch
 * uploaded twice after a lost connection is stored once. A passage (the default, as older devices
 * send it) has the direction the vehicle went; an interception has the reason it was stopped (its
 * direction is the way the vehicle was heading). Passages with a refusing result are still accepted:
 * devices may hold such records queued from before interceptions existed.
 */
export const scanRecordSchema = z
  .object({
    id: uuidField('查验记录编号'),
    passNumber: passNumberSchema,
    checkpointId: uuidField('卡口'),
    scannedAt: z.iso.datetime({ offset: true, error: '查验时间格式无效' }).meta({ title: '查验时间' }),
    result: z.enum(ScanResult, '查验结果无效'),
    kind: z.enum(ScanKind, '查验记录类型无效').default(ScanKind.Passage),
    direction: z.enum(ScanDirection, '请选择通行方向'),
    reason: textField('拦截原因', 1, maxInterceptionReason).optional(),
  })
  .superRefine((record, ctx) => {
    if (record.kind === ScanKind.Interception && !record.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写拦截原因', input: record.reason });
    if (record.kind === ScanKind.Passage && record.reason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '放行记录不填写拦截原因', input: record.reason });
  });

export type ScanRecord = z.output<typeof scanRecordSchema>;
export type ScanRecordInput = z.input<typeof scanRecordSchema>;

export const maxScanBatch = 500;

export const scanUploadSchema = z.object({
  records: z
    .array(scanRecordSchema, '缺少查验记录')
    .min(1, '缺少查验记录')
    .max(maxScanBatch, `一次最多上传${maxScanBatch}条查验记录`)
    .refine((records) => new Set(records.map((r) => r.id)).size === records.length, '查验记录编号重复'),
});

export type ScanUpload = z.output<typeof scanUploadSchema>;
