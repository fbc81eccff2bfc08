import { z } from '../zod.js';
import { regionCodeSchema, textField } from './fields.js';

/** A checkpoint (卡口/检查站) with its position, which clone detection measures distances from. */
export const checkpointSchema = z.object({
  code: z
    .string('请填写卡口编号')
    .regex(/^[A-Z0-9-]{3,32}$/, '卡口编号应为3至32位大写字母、数字或“-”')
    .meta({ title: '卡口编号', examples: ['JS-NJ-G25-01'] }),
  name: textField('卡口名称', 2, 100),
  regionCode: regionCodeSchema,
  latitude: z.number('请填写纬度').min(3, '纬度超出中国范围').max(54, '纬度超出中国范围'),
  longitude: z.number('请填写经度').min(73, '经度超出中国范围').max(136, '经度超出中国范围'),
});

export type CheckpointRequest = z.output<typeof checkpointSchema>;

/** What a checkpoint app sends to check a pass online: the scanned text (URL) as is. */
export const verifyRequestSchema = z.object({
  url: z.string('请扫描通行证二维码').min(1, '请扫描通行证二维码').max(2000, '二维码内容过长'),
});
