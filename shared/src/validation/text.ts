/**
 * Input typed on Chinese phones arrives in full-width forms (ＡＢＣ１２３, the ideographic space) when
 * the IME is in full-width mode. Converting by code point rather than with `String.prototype.normalize`
 * keeps the result identical on mini-program runtimes that ship without ICU.
 */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const char of input) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += char;
  }
  return out;
}

/** Half-width, upper-case, with every kind of whitespace removed: the canonical form of a code. */
export function normaliseCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}
