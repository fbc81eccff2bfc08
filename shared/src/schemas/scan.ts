import { ScanDirection, ScanResult } from '../scan.js';
import { z } from '../zod.js';
import { passNumberSchema, uuidField } from './fields.js';

/**
 * One scan as the checkpoint device recorded it. The id is generated on the device, so a batch
 * uploaded twice after a lost connection is stored once.
 */
export const scanRecordSchema = z.object({
  id: uuidField('查验记录编号'),
  passNumber: passNumberSchema,
  checkpointId: uuidField('卡口'),
  scannedAt: z.iso.datetime({ offset: true, error: '查验时间格式无效' }).meta({ title: '查验时间' }),
  result: z.enum(ScanResult, '查验结果无效'),
  direction: z.enum(ScanDirection, '请选择通行方向'),
});

export type ScanRecord = z.output<typeof scanRecordSchema>;

export const maxScanBatch = 500;

export const scanUploadSchema = z.object({
  records: z
    .array(scanRecordSchema, '缺少查验记录')
    .min(1, '缺少查验记录')
    .max(maxScanBatch, `一次最多上传${maxScanBatch}条查验记录`)
    .refine((records) => new Set(records.map((r) => r.id)).size === records.length, '查验记录编号重复'),
});

export type ScanUpload = z.output<typeof scanUploadSchema>;
