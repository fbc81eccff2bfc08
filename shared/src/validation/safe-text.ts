/**
 * Characters that are invisible or change how the text around them is shown, so that what a reviewer
 * reads is not what is stored: C0/C1 controls (NUL included), DEL, the soft hyphen, bidirectional
 * marks, embeddings, overrides and isolates (RLO turns "exe.txt" into "txt.exe"), zero-width spaces
 * and joiners, the word joiner and invisible operators, line/paragraph separators, the BOM and
 * interlinear annotation marks. Tab, line feed and carriage return are allowed only in multi-line text.
 *
 * Spelled as `\u` escapes in a string (no `\p{…}`, no literal controls) so every mini-program
 * JavaScript engine parses it.
 */
const invisibleOrBidi =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u115f\\u1160\\u17b4\\u17b5' +
  '\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff9-\\ufffb';

const unsafeInLine = new RegExp(`[${invisibleOrBidi}\\t\\n\\r]`);
const unsafeInMultiline = new RegExp(`[${invisibleOrBidi}]`);

/** The first character a text field must not contain, as `U+XXXX`, or undefined when it is clean. */
export function findUnsafeCharacter(text: string, options: { multiline?: boolean } = {}): string | undefined {
  const match = (options.multiline ? unsafeInMultiline : unsafeInLine).exec(text);
  if (!match) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The message a form shows for such a character. */
export const unsafeCharacterMessage = (label: string, codePoint: string) =>
  `${label}含有不可见字符或文字方向控制字符（${codePoint}），请删除后重新输入`;
