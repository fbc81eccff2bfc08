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

export function bytesToDecimal(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += groupBytes) {
    const group = Array.from(bytes.subarray(start, start + groupBytes));
    let digits = '';
    // Long division of the big-endian group by 10, one digit per pass: no BigInt needed.
    for (let d = 0; d < digitsFor[group.length]!; d++) {
      let remainder = 0;
      for (let i = 0; i < group.length; i++) {
        const value = remainder * 256 + group[i]!;
        group[i] = Math.floor(value / 10);
        remainder = value % 10;
      }
      digits = String(remainder) + digits;
    }
    out += digits;
  }
  return out;
}

/** Undefined when the text is not digits, has an impossible length, or a group overflows its bytes. */
export function decimalToBytes(digits: string): Uint8Array | undefined {
  if (!/^\d*$/.test(digits)) return undefined;
  const tailDigits = digits.length % groupDigits;
  const tailBytes = digitsFor.indexOf(tailDigits as (typeof digitsFor)[number]);
  if (tailBytes < 0) return undefined;
  const fullGroups = (digits.length - tailDigits) / groupDigits;
  const out = new Uint8Array(fullGroups * groupBytes + tailBytes);
  for (let start = 0, at = 0; start < digits.length; start += groupDigits) {
    const end = Math.min(start + groupDigits, digits.length);
    const size = end - start === groupDigits ? groupBytes : tailBytes;
    // The group's bytes (big-endian, at out[at..at+size)) times 10^k plus the next k digits, up to four
    // digits a step (255 · 10^4 + 9999 stays a small integer): a server decodes every scanned URL.
    for (let d = start; d < end; d += 4) {
      const k = Math.min(4, end - d);
      let carry = Number(digits.slice(d, d + k));
      const factor = k === 4 ? 10_000 : 10 ** k;
      for (let i = at + size - 1; i >= at; i--) {
        const value = out[i]! * factor + carry;
        out[i] = value & 0xff;
        carry = Math.floor(value / 256);
      }
      // The value only grows digit by digit, so it overflows the group's bytes as soon as it would at the end.
      if (carry !== 0) return undefined;
    }
    at += size;
  }
  return out;
}
