// NutUI's styles are imported component by component, so each package carries only what it shows.
import '@nutui/nutui-react-taro/dist/es/packages/cascader/style/css';

export { default as Cascader } from '@nutui/nutui-react-taro/dist/es/packages/cascader';
