import { ComingSoon } from '@/components/coming-soon';

/** 审核人员's home; the review screens come with the review API. */
export default function ReviewHome() {
  return <ComingSoon duties='受理、审核、签发和撤销本辖区的通行证申请。' />;
}
