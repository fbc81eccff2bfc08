import { describe, expect, it } from '@jest/globals';
import { encodeBase64Url } from '../pass-token/base64.js';
import { encodeUtf8 } from '../pass-token/utf8.js';
import {
  applicationListQuerySchema,
  attachmentUploadQuerySchema,
  auditQuerySchema,
  decodePageCursor,
  decodeQueueCursor,
  encodePageCursor,
  encodeQueueCursor,
  type QueryStringOf,
  reviewQueueQuerySchema,
  statsQuerySchema,
  statusListQuerySchema,
} from './queries.js';

const id = '00000000-0000-4000-8000-000000000001';
const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('query schemas', () => {
  it('read absent and empty parameters as their defaults', () => {
    expect(reviewQueueQuerySchema.parse({})).toEqual({ overdue: false, whitelistFirst: false, limit: 20 });
    expect(reviewQueueQuerySchema.parse({ category: '', overdue: 'true', limit: '5' })).toEqual({
      overdue: true,
      whitelistFirst: false,
      limit: 5,
    });
    expect(statusListQuerySchema.parse({ since: '42' })).toEqual({ since: 42 });
  });

  it('refuse a repeated parameter, naming it', () => {
    expect(firstMessage(reviewQueueQuerySchema.safeParse({ category: ['a', 'b'] }))).toBe(
      '查询参数category只能出现一次',
    );
    expect(firstMessage(auditQuerySchema.safeParse({ entityType: ['a', 'b'] }))).toBe('查询参数entityType只能出现一次');
    expect(firstMessage(reviewQueueQuerySchema.safeParse({ overdue: ['true', 'true'] }))).toBe(
      '查询参数overdue只能出现一次',
    );
  });

  it('refuse over-long, malformed and out-of-range values', () => {
    expect(firstMessage(auditQuerySchema.safeParse({ action: 'a'.repeat(51) }))).toBe('查询参数action过长');
    expect(firstMessage(auditQuerySchema.safeParse({ from: 'yesterday' }))).toBe('起始时间格式无效');
    expect(firstMessage(applicationListQuerySchema.safeParse({ limit: '101' }))).toBe('每页条数应为1至100');
    expect(firstMessage(applicationListQuerySchema.safeParse({ limit: '1.5' }))).toBe('每页条数应为1至100');
    expect(firstMessage(statsQuerySchema.safeParse({ from: '2022-05-02', to: '2022-05-01' }))).toBe(
      '起始日期不能晚于截止日期',
    );
    expect(firstMessage(statusListQuerySchema.safeParse({ since: '12345678901' }))).toBe('查询参数since过长');
  });

  it('decode cursors and validate what they hold', () => {
    const at = new Date('2022-05-20T01:02:03.004Z');
    expect(decodePageCursor(encodePageCursor(at, id))).toEqual({ createdAt: at, id });
    expect(decodeQueueCursor(encodeQueueCursor({ w: 1, t: at.toISOString(), id }))).toEqual({
      w: 1,
      t: at.toISOString(),
      id,
    });
    const base64url = (text: string) => encodeBase64Url(encodeUtf8(text));
    const queueCursor = (w: unknown) => base64url(JSON.stringify({ w, t: at.toISOString(), id }));
    for (const w of [[1], { a: 1 }, '1', 2, null]) expect(decodeQueueCursor(queueCursor(w))).toBeUndefined();
    expect(decodePageCursor(base64url(`${at.toISOString()}|x`))).toBeUndefined();
    expect(decodePageCursor('!!!')).toBeUndefined();
    expect(firstMessage(applicationListQuerySchema.safeParse({ cursor: 'bm9wZQ' }))).toBe('分页参数无效');
    expect(applicationListQuerySchema.parse({ cursor: encodePageCursor(at, id) }).cursor).toEqual({
      createdAt: at,
      id,
    });
  });
});

describe('query string types', () => {
  it('are the text a client sends, so a typed request cannot send what the schema refuses', () => {
    const queue: QueryStringOf<'reviewQueue'> = {
      overdue: 'true',
      limit: '5',
      cursor: encodeQueueCursor({ w: 1, t: new Date(0).toISOString(), id }),
    };
    // @ts-expect-error a flag goes as 'true' or 'false', not a boolean
    const flag: QueryStringOf<'reviewQueue'> = { overdue: true };
    // @ts-expect-error a page size goes as text
    const limit: QueryStringOf<'applicationList'> = { limit: 5 };
    // @ts-expect-error a status is one of the application states
    const status: QueryStringOf<'applicationList'> = { status: 'open' };
    // @ts-expect-error the material kind is required
    const upload: QueryStringOf<'attachmentUpload'> = {};
    // The typed values pass the schema at run time; the refused ones do not.
    expect(reviewQueueQuerySchema.safeParse(queue).success).toBe(true);
    for (const [schema, query] of [
      [reviewQueueQuerySchema, flag],
      [applicationListQuerySchema, limit],
      [applicationListQuerySchema, status],
      [attachmentUploadQuerySchema, upload],
    ] as const) {
      expect(schema.safeParse(query).success).toBe(false);
    }
  });
});
