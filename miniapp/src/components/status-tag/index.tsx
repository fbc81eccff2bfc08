import { Tag } from '@nutui/nutui-react-taro';
import { type ApplicationStatus, applicationStatusNames, type PassStatus, passStatusNames } from '@pass/shared';
import { View } from '@tarojs/components';
import './index.scss';

/** Colours with at least 4.5:1 contrast for the text on them. */
const applicationColours: Record<ApplicationStatus, { background: string; color: string }> = {
  draft: { background: '#e6e8e7', color: '#333333' },
  submitted: { background: '#1565c0', color: '#ffffff' },
  resubmitted: { background: '#1565c0', color: '#ffffff' },
  under_review: { background: '#ffe08a', color: '#4a3800' },
  returned: { background: '#e65100', color: '#ffffff' },
  rejected: { background: '#c62828', color: '#ffffff' },
  approved: { background: '#1f7a4d', color: '#ffffff' },
  withdrawn: { background: '#e6e8e7', color: '#333333' },
};

const passColours: Record<PassStatus, { background: string; color: string }> = {
  active: { background: '#1f7a4d', color: '#ffffff' },
  expired: { background: '#e6e8e7', color: '#333333' },
  revoked: { background: '#c62828', color: '#ffffff' },
  superseded: { background: '#5f6360', color: '#ffffff' },
};

// NutUI's Tag drops unknown props, so the test id sits on a wrapper.
export function StatusTag({ status }: { status: ApplicationStatus }) {
  return (
    <View className='tag-box' data-testid='status-tag'>
      <Tag {...applicationColours[status]}>{applicationStatusNames[status]}</Tag>
    </View>
  );
}

export function PassStatusTag({ status }: { status: PassStatus }) {
  return (
    <View className='tag-box' data-testid='pass-status'>
      <Tag {...passColours[status]}>{passStatusNames[status]}</Tag>
    </View>
  );
}

export function FlagTag({ tone, children }: { tone: 'danger' | 'warn' | 'good'; children: string }) {
  const colours = {
    danger: { background: '#c62828', color: '#ffffff' },
    warn: { background: '#fff3c4', color: '#4a3800' },
    good: { background: '#e3f4ea', color: '#145c37' },
  }[tone];
  return <Tag {...colours}>{children}</Tag>;
}
