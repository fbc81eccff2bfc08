/**
 * UTF-8 without TextEncoder/TextDecoder: the WeChat mini-program runtimes (JavaScriptCore on iOS, V8
 * on Android) do not provide them. Decoding is strict (no overlong forms, surrogates or truncated
 * sequences) because a token's text must have exactly one byte form.
 */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) throw new RangeError('Lone surrogate in text');
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else {
      out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return Uint8Array.from(out);
}

/** Returns undefined for bytes that are not well-formed UTF-8; `start`/`end` read a part in place. */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string | undefined {
  let text = '';
  let i = start;
  while (i < end) {
    const first = bytes[i]!;
    let length: number;
    let code: number;
    let min: number;
    if (first < 0x80) {
      text += String.fromCharCode(first);
      i += 1;
      continue;
    } else if (first >= 0xc2 && first <= 0xdf) {
      length = 2;
      code = first & 0x1f;
      min = 0x80;
    } else if (first >= 0xe0 && first <= 0xef) {
      length = 3;
      code = first & 0x0f;
      min = 0x800;
    } else if (first >= 0xf0 && first <= 0xf4) {
      length = 4;
      code = first & 0x07;
      min = 0x10000;
    } else {
      return undefined;
    }
    if (i + length > end) return undefined;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return undefined;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    text += String.fromCodePoint(code);
    i += length;
  }
  return text;
}
