import { describe, expect, it } from '@jest/globals';
import { passListQuerySchema, reviewQueueQuerySchema } from './schemas/queries.js';
import { classifySearch, type SearchTerm } from './search.js';

describe('classifySearch', () => {
  it.each<[string, SearchTerm]>([
    ['苏A12345', { kind: 'plate', text: '苏A12345', complete: true }],
    [' 苏a·12345 ', { kind: 'plate', text: '苏A12345', complete: true }],
    ['苏Ａ１２３４５', { kind: 'plate', text: '苏A12345', complete: true }],
    ['苏AD12345', { kind: 'plate', text: '苏AD12345', complete: true }],
    ['粤Z1234港', { kind: 'plate', text: '粤Z1234港', complete: true }],
    ['苏A', { kind: 'plate', text: '苏A', complete: false }],
    ['苏A123', { kind: 'plate', text: '苏A123', complete: false }],
    ['320115000001', { kind: 'passNumber', text: '320115000001' }],
    ['3201 1500 0001', { kind: 'passNumber', text: '320115000001' }],
    ['91320115MA1XXXXX0Y', { kind: 'creditCode', text: '91320115MA1XXXXX0Y' }],
    ['91320115ma1xxxxx0y', { kind: 'creditCode', text: '91320115MA1XXXXX0Y' }],
    ['南京', { kind: 'name', text: '南京' }],
    ['南京  顺达 物流', { kind: 'name', text: '南京 顺达 物流' }],
    ['苏宁物流', { kind: 'name', text: '苏宁物流' }],
    ['张三', { kind: 'name', text: '张三' }],
    ['ABC物流', { kind: 'name', text: 'ABC物流' }],
  ])('%s', (input, term) => {
    expect(classifySearch(input)).toEqual({ ok: true, value: term });
  });

  it.each([
    ['', '请输入搜索内容'],
    ['   ', '请输入搜索内容'],
    ['32011500000', '通行证编号应为12位数字'],
    ['3201150000011', '通行证编号应为12位数字'],
    ['91320115MA1', '统一社会信用代码应为18位数字或大写字母'],
    ['91320115MA1XXXXX0I', '统一社会信用代码应为18位数字或大写字母'],
    ['南', '名称请至少输入2个字'],
  ])('refuses %j', (input, message) => {
    expect(classifySearch(input)).toEqual({ ok: false, message });
  });

  it('is what the lists’ q parameter reads; blank is no search, a bad one is refused', () => {
    expect(reviewQueueQuerySchema.parse({ q: '苏A12345' }).q).toEqual({
      kind: 'plate',
      text: '苏A12345',
      complete: true,
    });
    expect(passListQuerySchema.parse({ q: '' }).q).toBeUndefined();
    expect(passListQuerySchema.parse({ q: '  ' }).q).toBeUndefined();
    const refused = passListQuerySchema.safeParse({ q: '123' });
    expect(refused.error?.issues[0]?.message).toBe('通行证编号应为12位数字');
    expect(passListQuerySchema.safeParse({ q: ['苏A', '苏B'] }).error?.issues[0]?.message).toBe(
      '查询参数q只能出现一次',
    );
    expect(passListQuerySchema.safeParse({ q: '南'.repeat(51) }).error?.issues[0]?.message).toBe('查询参数q过长');
  });
});
