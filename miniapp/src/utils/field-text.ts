// A field's own words (placeholder, over-limit notice), apart from the domain labels in ./labels so that
// the login page's text boxes do not load the region table and the approval chain's names with them.

/** The label without its notes: 手机号码（登录用） → 手机号码. */
const bareLabel = (label: string) => label.replace(/（[^）]*）/g, '').trim();

/** A label that is a phrase already (再次输入密码, 选择车辆) takes 请 alone, not 请输入 again. */
const isPhrase = (label: string) => /^(请|再次|重新|确认|输入|填写|选择|上传)/.test(label);

/** 请输入企业名称, 请再次输入密码: the placeholder a text box gets from its label. */
export function inputPlaceholder(label: string): string {
  const bare = bareLabel(label);
  if (bare.startsWith('请')) return bare;
  return isPhrase(bare) ? `请${bare}` : `请输入${bare}`;
}

/** 请选择物资类别: the placeholder a picker gets from its label. */
export function choicePlaceholder(label: string): string {
  const bare = bareLabel(label);
  if (bare.startsWith('请')) return bare;
  return isPhrase(bare) ? `请${bare}` : `请选择${bare}`;
}

/** 最多200个字，已超出3个字: text over a limit is refused with this, never cut. */
export function overLimitMessage(length: number, max: number): string | undefined {
  return length > max ? `最多${max}个字，已超出${length - max}个字` : undefined;
}
