import type { OnlineFacts } from '@pass/shared';
import {
  findMaterialCategory,
  formatPlate,
  type PassVerification,
  plateColourNames,
  regionFullName,
} from '@pass/shared';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Full names as shown, per division code: the same few hundred codes on every page (bounded, as codes are). */
const regionNames = new Map<string, string>();

function region(code: string): string {
  let name = regionNames.get(code);
  if (name === undefined) {
    if (regionNames.size >= 5_000) regionNames.clear();
    name = escapeHtml(regionFullName(code) ?? code);
    regionNames.set(code, name);
  }
  return name;
}

const chinaTime = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The page a generic phone scanner (WeChat 扫一扫) opens: server-rendered, no JavaScript, readable in the
 * rain. Green only for a valid pass; every other state is grey with the reason and what to do. Pass
 * data is shown only when its signature verified.
 */
export function renderPassPage(
  result: PassVerification,
  facts: OnlineFacts | null,
  now = new Date(),
  /** Another province's trusted issuer signed the pass: named, with a link to its own page of the pass. */
  foreign?: { issuerName: string; pageUrl: string },
): string {
  const valid = result.state === 'valid';
  const claims = 'claims' in result ? result.claims : null;
  const rows: string[] = [];
  if (claims) {
    const waypoints = claims.waypointCodes.map(region).join('、');
    rows.push(
      row('证件编号', escapeHtml(claims.passNumber)),
      row(
        '线路',
        `${region(claims.originCode)} → ${waypoints ? `${waypoints} → ` : ''}${region(claims.destinationCode)}`,
      ),
      row('有效期', `${claims.validFrom} 至 ${claims.validTo}`),
      row(
        '运输物资',
        escapeHtml(
          [findMaterialCategory(claims.materialCategory)?.name ?? claims.materialCategory, facts?.materialDescription]
            .filter(Boolean)
            .join('：'),
        ),
      ),
    );
    if (facts) {
      rows.push(
        row('司乘人员', facts.crew.map((c) => `${escapeHtml(c.name)}（${escapeHtml(c.idNumber)}）`).join('<br>')),
        row('申请单位', escapeHtml(facts.enterpriseName)),
        row('核发单位', escapeHtml(facts.issuingDepartment)),
      );
      if (facts.issuingDepartmentPhone) rows.push(row('值班电话', escapeHtml(facts.issuingDepartmentPhone)));
      if (facts.endReason && !valid) rows.push(row('原因', escapeHtml(facts.endReason)));
    }
    if (foreign) {
      const department = 'issuingDepartment' in result ? result.issuingDepartment : null;
      rows.push(row('签发方（外省）', escapeHtml(foreign.issuerName)));
      if (department)
        rows.push(row('核发单位', escapeHtml(department.name)), row('值班电话', escapeHtml(department.dutyPhone)));
      rows.push(row('签发省份记录', `<a href="${escapeHtml(foreign.pageUrl)}">在签发方核验页查看</a>`));
    }
  }
  const plate = claims
    ? `<p class="plate">${escapeHtml(formatPlate(claims.plate))}</p><p class="colour">${escapeHtml(plateColourNames[claims.plateColour])}</p>`
    : '';
  const warnings = result.warnings.map((w) => `<p class="warning">${escapeHtml(w.message)}</p>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${valid ? '通行证有效' : '通行证无效'} · 重点物资运输车辆通行证查验</title>
<style>
body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f3f4f3;color:#1b1b1b}
main{max-width:640px;margin:0 auto}
header{padding:28px 20px;color:#fff;background:${valid ? '#1f7a4d' : '#5f6360'}}
header h1{margin:0;font-size:32px}
header p{margin:8px 0 0;font-size:18px}
.plate{margin:20px 20px 0;font-size:52px;font-weight:700;letter-spacing:2px}
.colour{margin:0 20px;font-size:18px;color:#555}
dl{margin:16px 20px;background:#fff;border-radius:12px;padding:4px 16px}
dt{margin-top:12px;font-size:15px;color:#666}
dd{margin:2px 0 12px;font-size:20px}
.advice{margin:16px 20px;padding:16px;border-radius:12px;font-size:19px;background:${valid ? '#e3f4ea' : '#ececec'};border-left:6px solid ${valid ? '#1f7a4d' : '#5f6360'}}
.warning{margin:8px 20px;font-size:16px;color:#8a5a00}
footer{margin:24px 20px;font-size:14px;color:#777}
</style>
</head>
<body>
<main data-state="${result.state}">
<header><h1>${valid ? '✔ 通行证有效' : '✘ 通行证无效'}</h1><p>${escapeHtml(result.message)}</p></header>
${plate}
${rows.length ? `<dl>${rows.join('')}</dl>` : ''}
<p class="advice"><strong>处置建议：</strong>${escapeHtml(result.advice)}</p>
${warnings}
<footer>查验时间 ${chinaTime(now)}（北京时间）。本页结果由签发系统核验二维码数字签名和通行证当前状态后给出。</footer>
</main>
</body>
</html>`;
}

function row(label: string, value: string): string {
  return `<dt>${label}</dt><dd>${value}</dd>`;
}
