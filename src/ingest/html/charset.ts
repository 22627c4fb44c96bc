/**
 * Windows-1252 for the bytes 0x80–0x9F, where it differs from ISO-8859-1: curly quotes, dashes,
 * the euro sign … (WHATWG Encoding Standard, index windows-1252). 0x81, 0x8D, 0x8F, 0x90 and
 * 0x9D map to themselves.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decode bytes in a declared charset. Node 20's TextDecoder takes the windows-1252 labels
 * (which include latin1, iso-8859-1 and ascii) but decodes ISO-8859-1, turning a page's curly
 * quotes and euro signs into invisible control characters; this puts them back.
 * Throws a RangeError for a label the platform does not know.
 */
export function decodeCharset(bytes: Uint8Array, charset: string): string {
  const decoder = new TextDecoder(charset);
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}
