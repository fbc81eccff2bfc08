import { Tag } from '@nutui/nutui-react-taro';
import { type ApplicationStatus, applicationStatusNames, type PassStatus, passStatusNames } from '@pass/shared';
import { View } from '@tarojs/components';
import './index.scss';

/** The app's tag colours, each with at least 4.5:1 contrast for its text. */
export const tones = {
  good: { background: '#e3f4ea', color: '#145c37' },
  warn: { background: '#fff3c4', color: '#4a3800' },
  danger: { background: '#c62828', color: '#ffffff' },
  approved: { background: '#1f7a4d', color: '#ffffff' },
  pending: { background: '#ffe08a', color: '#4a3800' },
  returned: { background: '#e65100', color: '#ffffff' },
  info: { background: '#1565c0', color: '#ffffff' },
  plain: { background: '#e6e8e7', color: '#333333' },
  dark: { background: '#5f6360', color: '#ffffff' },
  /** On the green banner of a home page. */
  banner: { background: '#ffffff', color: '#145c37' },
};

export type Tone = keyof typeof tones;

const applicationTones: Record<ApplicationStatus, Tone> = {
  draft: 'plain',
  submitted: 'info',
  resubmitted: 'info',
  under_review: 'pending',
  returned: 'returned',
  rejected: 'danger',
  approved: 'approved',
  withdrawn: 'plain',
};

const passTones: Record<PassStatus, Tone> = {
  active: 'approved',
  expired: 'plain',
  revoked: 'danger',
  superseded: 'dark',
};

/** A tag in one of the app's tones: 已核验, 待上传, 白名单 and the like. */
export function ToneTag({ tone, children }: { tone: Tone; children: string }) {
  return <Tag {...tones[tone]}>{children}</Tag>;
}

// NutUI's Tag drops unknown props, so the test id sits on a wrapper.
export function StatusTag({ status }: { status: ApplicationStatus }) {
  return (
    <View className='tag-box' data-testid='status-tag'>
      <ToneTag tone={applicationTones[status]}>{applicationStatusNames[status]}</ToneTag>
    </View>
  );
}

export function PassStatusTag({ status }: { status: PassStatus }) {
  return (
    <View className='tag-box' data-testid='pass-status'>
      <ToneTag tone={passTones[status]}>{passStatusNames[status]}</ToneTag>
    </View>
  );
}
