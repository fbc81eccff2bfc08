import './polyfills';
import './aria';
import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { loadProvinceSettings } from './services/province-settings';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // The province's rules are fetched once at launch and kept, so forms have them even offline later.
  useLaunch(() => {
    loadProvinceSettings().catch(() => undefined);
  });
  return children;
}

export default App;
