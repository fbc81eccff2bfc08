/**
 * Bytes as decimal digits, so that a token fills a QR code's numeric mode (3.33 bits per digit) and
 * stays URL-safe. Like base45 (RFC 9285) but decimal: every 7 bytes become 17 digits (2^56 < 10^17),
 * a last partial group of n bytes the fewest digits that can hold it. Overhead: 2.43 digits per byte,
 * 8.1 QR bits per byte, so the token costs barely more than in byte mode yet needs no escaping.
 */
const groupBytes = 7;
/** Digits for a group of 0..7 bytes: ceil(8n · log10 2). */
const digitsFor = [0, 3, 5, 8, 10, 13, 15, 17] as const;
const groupDigits = digitsFor[groupBytes];
/** 2^28: a group's value is kept as two 28-bit halves, so every step stays an exact small integer. */
const half = 0x10000000;

/**
 * Each group's value as two 28-bit halves (as decimalToBytes reads it), divided by 10^4 at a time: issuance
 * writes every new pass's digits, and the earlier division by 10 of every byte for every digit took 29 µs
 * a token (docs/scaling.md §6.7).
 */
export function bytesToDecimal(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += groupBytes) {
    const end = Math.min(start + groupBytes, bytes.length);
    let high = 0;
    let low = 0;
    for (let i = start; i < end; i++) {
      low = low * 256 + bytes[i]!;
      const carry = Math.floor(low / half);
      low -= carry * half;
      high = high * 256 + carry;
    }
    let digits = '';
    // Four digits a step from the right, (high · 2^28 + low) / 10^4: every product stays below 2^42.
    for (let left = digitsFor[end - start]!; left > 0; left -= 4) {
      const rest = (high % 10_000) * half + low;
      high = Math.floor(high / 10_000);
      low = Math.floor(rest / 10_000);
      const chunk = `000${rest - low * 10_000}`.slice(-4);
      // The group's value fits its digits, so the digits cut from the last chunk are zeros.
      digits = (left >= 4 ? chunk : chunk.slice(4 - left)) + digits;
    }
    out += digits;
  }
  return out;
}

/**
 * Per group size, the first value that overflows it: of the high half above 3 bytes, else of the low
 * half. A table, because `2 ** n` is a call into V8's pow on every group of every scan.
 */
const overflowAt = digitsFor.map((_, size) => 2 ** (size > 3 ? 8 * size - 28 : 8 * size));

/** Undefined when the text is not digits, has an impossible length, or a group overflows its bytes. */
export function decimalToBytes(digits: string): Uint8Array | undefined {
  const tailDigits = digits.length % groupDigits;
  const tailBytes = digitsFor.indexOf(tailDigits as (typeof digitsFor)[number]);
  if (tailBytes < 0) return undefined;
  const fullGroups = (digits.length - tailDigits) / groupDigits;
  const out = new Uint8Array(fullGroups * groupBytes + tailBytes);
  for (let start = 0, at = 0; start < digits.length; start += groupDigits) {
    const end = Math.min(start + groupDigits, digits.length);
    const size = end - start === groupDigits ? groupBytes : tailBytes;
    // The group's value (< 2^56 < 10^17) as high · 2^28 + low, times 10^k plus the next k digits: a server
    // decodes every scanned URL, so no BigInt, no slices, no number parsing (docs/scaling.md §6.7).
    let high = 0;
    let low = 0;
    for (let d = start; d < end; ) {
      // Up to four digits a step: 2^28 · 10^4 stays far below 2^53.
      let chunk = 0;
      let factor = 1;
      for (const stop = Math.min(d + 4, end); d < stop; d++) {
        const digit = digits.charCodeAt(d) - 48;
        if (digit < 0 || digit > 9) return undefined;
        chunk = chunk * 10 + digit;
        factor *= 10;
      }
      low = low * factor + chunk;
      const carry = Math.floor(low / half);
      low -= carry * half;
      high = high * factor + carry;
    }
    // The value only grows digit by digit, so it overflows the group's bytes if it does at the end.
    if (size > 3 ? high >= overflowAt[size]! : high !== 0 || low >= overflowAt[size]!) return undefined;
    // Big-endian: byte k from the end holds bits 8k..8k+7 of high · 2^28 + low.
    for (let k = 0; k < size; k++) {
      const bit = 8 * k;
      out[at + size - 1 - k] =
        bit + 8 <= 28
          ? (low >>> bit) & 0xff
          : bit >= 28
            ? (high >>> (bit - 28)) & 0xff
            : ((low >>> bit) | (high << (28 - bit))) & 0xff;
    }
    at += size;
  }
  return out;
}
