import { ComingSoon } from '@/components/coming-soon';

/** 卡口人员's home; scanning comes with the checkpoint API. */
export default function CheckpointHome() {
  return <ComingSoon duties='扫描通行证二维码，核验人、车、证、线路是否一致。' />;
}
