// NutUI's styles are imported component by component, so each package carries only what it shows.
import '@nutui/nutui-react-taro/dist/es/packages/steps/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/step/style/css';

export { default as Step } from '@nutui/nutui-react-taro/dist/es/packages/step';
export { default as Steps } from '@nutui/nutui-react-taro/dist/es/packages/steps';
