// NutUI's styles are imported component by component, so each package carries only what it shows.
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
