/**
 * The H5 root font size, which every rem of the page (our 750-wide design px) depends on. Taro's own
 * script scales it with the screen's width (20–40 px), so a desktop window showed 30 px body text and a
 * user's larger browser font changed nothing. Ours follows the user instead: 1.25 × the browser's
 * default font size (16 px unless the user set another, so body text is 16 CSS px), and 1.4 × that in
 * care mode (长辈模式: 16 px text becomes 22.4 px, a 44 px target 61.6 px), which the app keeps under the storage key `careMode` (Taro's H5 storage wraps a
 * value as `{"data":…}`). The app calls `window.__passRootFont()` again when care mode is switched.
 * Without a stored choice, care mode follows the browser: on when its default font is 20 px or more.
 * Nothing but ES5, since it runs before any polyfill.
 */
/** The same key as `careModeKey` in src/services/care-mode.ts (the build config cannot import the app). */
const careModeKey = 'careMode';

export const rootFontScript = `!function(w){var d=w.document.documentElement;function f(){d.style.fontSize="";var b=parseFloat(w.getComputedStyle(d).fontSize)||16,c=null;try{var s=w.localStorage.getItem("${careModeKey}");c=s?JSON.parse(s).data:null}catch(e){}if(c!==true&&c!==false)c=b>=20;d.style.fontSize=b*1.25*(c?1.4:1)+"px";d.classList.toggle("care-mode",c)}w.__passRootFont=f;f()}(window);`;
