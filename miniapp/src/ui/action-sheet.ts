// NutUI's styles are imported component by component, so each package carries only what it shows.
import '@nutui/nutui-react-taro/dist/es/packages/actionsheet/style/css';

export { default as ActionSheet } from '@nutui/nutui-react-taro/dist/es/packages/actionsheet';
