// Place knowledge the world-countries package lacks: everyday English short forms of
// country names, seats of government that stand for their state, and demonyms. General
// knowledge, keyed by ISO 3166-1 alpha-3 code; not tied to any article.

/** Everyday short forms missing from the package (the package keeps official ones). */
export const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  GBR: ["Britain", "U.K."],
  TUR: ["Turkey"],
  USA: ["U.S.", "America", "United States"],
  COD: ["Congo", "DR Congo", "Democratic Republic of the Congo", "Democratic Republic of Congo"],
  PRK: ["N. Korea"],
  CIV: ["Ivory Coast"],
  CZE: ["Czech Republic"],
  MMR: ["Burma"],
  SWZ: ["Swaziland"],
  MKD: ["Macedonia"],
};

/** Seats of government that news writing uses for the state ("the Kremlin said"). */
export const SEATS_OF_GOVERNMENT: Readonly<Record<string, readonly string[]>> = {
  RUS: ["Kremlin"],
  USA: ["White House"],
  GBR: ["Downing Street"],
  FRA: ["Élysée", "Elysee", "Élysée Palace"],
  KOR: ["Blue House"],
};
export const EXTRA_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  GBR: ["Briton", "Britons", "UK"],
  USA: ["US", "U.S."],
  NLD: ["Netherlands"],
  PHL: ["Philippine"],
};
