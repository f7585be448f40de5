/**
 * Text that an .xlsx file can hold: the characters XML 1.0 forbids (control characters other than tab, line feed
 * and carriage return; U+FFFE and U+FFFF; unpaired surrogates) make Excel refuse the whole file as corrupt.
 */

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces each character that XML 1.0 cannot hold with U+FFFD (�), so that text from a data feed cannot make a
 * workbook unreadable, and the replacement stays visible to the analyst.
 *
 * @param text any string.
 * @returns the string with each forbidden character replaced by "\uFFFD"; other text unchanged.
 * @example
 * ```ts
 * xmlSafeText("AB\u0001C"); // => "AB\uFFFDC"
 * xmlSafeText("net income\tabove revenue"); // => "net income\tabove revenue" (tab is allowed)
 * ```
 */
export function xmlSafeText(text: string): string {
  return text.replace(XML_INVALID, "\uFFFD");
}

/**
 * Whether a string holds a character XML 1.0 cannot hold.
 *
 * @example
 * ```ts
 * hasXmlInvalidText("stale-price/AB\u0001C/2024-01-02"); // => true
 * ```
 */
export function hasXmlInvalidText(text: string): boolean {
  XML_INVALID.lastIndex = 0;
  const found = XML_INVALID.test(text);
  XML_INVALID.lastIndex = 0;
  return found;
}
