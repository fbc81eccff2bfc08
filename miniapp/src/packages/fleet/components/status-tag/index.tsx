import { Tag } from '@nutui/nutui-react-taro';
import { type ApplicationStatus, applicationStatusNames } from '@pass/shared';
import { View } from '@tarojs/components';

/** Colours with at least 4.5:1 contrast for the white or dark text on them. */
const colours: Record<ApplicationStatus, { background: string; color: string }> = {
  draft: { background: '#e6e8e7', color: '#333333' },
  submitted: { background: '#1565c0', color: '#ffffff' },
  resubmitted: { background: '#1565c0', color: '#ffffff' },
  under_review: { background: '#ffe08a', color: '#4a3800' },
  returned: { background: '#e65100', color: '#ffffff' },
  rejected: { background: '#c62828', color: '#ffffff' },
  approved: { background: '#1f7a4d', color: '#ffffff' },
  withdrawn: { background: '#e6e8e7', color: '#333333' },
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  // NutUI's Tag does not pass data-* attributes on; the wrapper carries the test id.
  return (
    <View className='status-tag' data-testid='status-tag'>
      <Tag {...colours[status]}>{applicationStatusNames[status]}</Tag>
    </View>
  );
}
