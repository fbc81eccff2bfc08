import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans SC (SIL OFL) from the @expo-google-fonts package: full GB 18030 coverage, so every name
 * and place prints. pdfkit embeds only the glyphs a pass uses (about 50 kB of the 10 MB font).
 */
export interface PassFonts {
  regular: Buffer;
  bold: Buffer;
}

const require = createRequire(import.meta.url);
let loaded: PassFonts | undefined;

export function passFonts(): PassFonts {
  loaded ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return loaded;
}
