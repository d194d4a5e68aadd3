// Name normalisation for matching, exactly as gold-format.md lists it: case, a leading
// "the", a trailing "'s" or "’s", dots in abbreviations (U.S. = US), accents, curly quotes.
// Nothing more (hyphens and inner words count), so scores mean what the spec says.

const CURLY_SINGLE = /[\u2018\u2019\u201a\u201b\u02bc\u2032]/g;
const CURLY_DOUBLE = /[\u201c\u201d\u201e\u201f\u2033]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function normalizeName(name: string): string {
  let value = name
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(CURLY_SINGLE, "'")
    .replace(CURLY_DOUBLE, '"')
    .toLowerCase()
    // Dots only occur in names as abbreviation dots ("U.N.", "St."), so all of them go.
    .replace(/\./g, "")
    .replace(/\s+/g, " ")
    .trim();
  value = value.replace(/^the /, "");
  value = value.replace(/'s$/, "");
  return value.trim();
}
