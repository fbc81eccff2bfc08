// NutUI's styles are imported component by component, so each package carries only what it shows.
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css';

export { default as Progress } from '@nutui/nutui-react-taro/dist/es/packages/progress';
