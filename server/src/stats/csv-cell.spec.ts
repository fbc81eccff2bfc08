import { describe, expect, it } from '@jest/globals';
import { csvCell } from './csv-cell.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","点击查看")', `"'=HYPERLINK(""http://x"",""点击查看"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves ordinary text and dates alone, quoting as RFC 4180 says', () => {
    expect(csvCell('南京江宁示范物流有限公司')).toBe('南京江宁示范物流有限公司');
    expect(csvCell('2022-05-20T01:02:03.000Z')).toBe('2022-05-20T01:02:03.000Z');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('A=1')).toBe('A=1');
  });
});
