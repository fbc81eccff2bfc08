import { departmentContact } from './trust-list.js';
import type { PassVerification, PassVerificationState } from './verify.js';

/** What a checkpoint officer reads: the finding, then the action, in plain words (DOMAIN.md). */
type Detail<S extends PassVerificationState> = Omit<
  Extract<PassVerification, { state: S }>,
  'state' | 'message' | 'advice' | 'allowsPassage' | 'warnings'
>;

const chineseDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

const forgedAdvice = '不予放行。请登记车辆和司乘人员信息，联系签发单位核实，并按规定上报。';

const texts: { [S in PassVerificationState]: (detail: Detail<S>) => { message: string; advice: string } } = {
  valid: () => ({
    message: '通行证有效',
    advice: '核对车牌号码、车牌颜色、司乘人员和行驶路线与通行证一致后放行。',
  }),
  expired: ({ validTo }) => ({
    message: `通行证已于${chineseDate(validTo)}到期`,
    advice: '不予放行。请告知司机通行证已过期，需重新申请。',
  }),
  not_yet_valid: ({ validFrom }) => ({
    message: `通行证自${chineseDate(validFrom)}起生效，目前尚未生效`,
    advice: '不予放行。请告知司机生效日期，生效后方可凭证通行。',
  }),
  revoked: ({ signer, issuingDepartment }) => ({
    message: '通行证已被核发单位撤销',
    advice: issuingDepartment
      ? `不予放行，并联系签发单位${departmentContact(issuingDepartment)}核实。`
      : `不予放行，并联系签发单位（${signer.issuerName}）核实。`,
  }),
  superseded: () => ({
    message: '该通行证已被同一车辆的新证替代',
    advice: '不予放行。旧证已作废，请司机出示同一车辆最新的通行证后重新扫码查验。',
  }),
  signature_invalid: () => ({
    message: '二维码签名验证失败，疑似伪造或被篡改的通行证',
    advice: forgedAdvice,
  }),
  unknown_key: ({ kid }) => ({
    message: `无法识别签发密钥（${kid}），可能是本机信任列表未更新，也可能是伪造的通行证`,
    advice: '请联网更新信任列表后重新扫码；仍无法识别的，不予放行并联系签发单位核实。',
  }),
  key_not_valid_at_issue: () => ({
    message: '签发时间不在签发密钥的有效期内，疑似伪造的通行证',
    advice: forgedAdvice,
  }),
  issuer_mismatch: ({ signer, issuerCode }) => ({
    message: `签发密钥（${signer.issuerName}）无权签发编号为${issuerCode}开头的通行证，疑似伪造`,
    advice: forgedAdvice,
  }),
  malformed: () => ({
    message: '二维码内容无法识别，不是有效的通行证二维码',
    advice: '请司机出示完整、清晰的通行证二维码后重新扫码；仍无法识别的，不予放行并联系签发单位核实。',
  }),
};

export function verificationText<S extends PassVerificationState>(
  state: S,
  detail: Detail<S>,
): { message: string; advice: string } {
  return (texts[state] as (d: Detail<S>) => { message: string; advice: string })(detail);
}

export const warningText = {
  staleTrustList: (hours: number) => `信任列表已${hours}小时未更新，请尽快联网更新`,
  staleStatusList: (hours: number) => `撤销名单已${hours}小时未更新，可能未包含最近撤销的通行证，请尽快联网更新`,
  statusListMissing: '本机未下载撤销名单，无法确认通行证是否已被撤销，请联网核实',
  statusNotCovered: '撤销名单中还没有这张通行证（名单生成后签发），请联网核实其状态',
  unofficialOrigin: (origin: string | undefined) =>
    `此二维码网址不是官方核验地址${origin ? `（${origin}）` : ''}，请勿相信该网址打开的页面，以本机核验结果为准，并核对车辆和司乘人员`,
};
