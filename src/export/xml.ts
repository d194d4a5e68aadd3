// What the XML writers (GEXF, GraphML) share. Article text reaches these files
// unchanged, so everything XML 1.0 cannot carry must be replaced, not just escaped.

/** Quick test for anything xmlSafe may have to replace (valid surrogate pairs included). */
const MAYBE_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** XML 1.0 cannot carry most control characters or lone surrogates, even escaped; they become U+FFFD. */
export function xmlSafe(text: string): string {
  return MAYBE_UNSAFE.test(text) ? text.replace(UNSAFE, "\ufffd") : text;
}
