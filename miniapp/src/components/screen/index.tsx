import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useCareMode } from '@/hooks/use-care-mode';

export interface ScreenProps {
  /** The page's own classes: `screen …` (a phone page), `wide …` (an official's), `admin` (an admin's). */
  className: string;
  children?: ReactNode;
  /** Any other prop of a View (`data-testid`, `data-tone`…). */
  [prop: string]: unknown;
}

/**
 * The root of every page, so that care mode (长辈模式) reaches every page in WeChat too: it adds the
 * `care-mode` class, which app.scss enlarges there (WeChat sizes are rpx, with no root font to scale;
 * the H5 build scales its root font instead, see config/root-font.ts, and the class changes nothing).
 */
export function Screen({ className, children, ...view }: ScreenProps) {
  const { careClass } = useCareMode();
  return (
    <View {...view} className={careClass ? `${className} ${careClass}` : className}>
      {children}
    </View>
  );
}
