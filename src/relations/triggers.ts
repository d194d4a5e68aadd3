// Trigger words of the vocabulary: which lemma states which relation, and where its
// second actor stands. Verbs read "SUBJECT verb [prep] OBJECT"; nouns read
// "OWNER's noun prep OBJECT" or "SUBJECT ... noun prep OBJECT".
import type { RelationType } from "../model.js";

export interface Trigger {
  relation: RelationType;
  /** Prepositions that introduce the object; "" allows a direct object. */
  preps: string[];
  /** The object is the agent and the subject the patient (e.g. "X received a call from Y"). */
  reverse?: boolean;
}

const t = (relation: RelationType, preps: string[] = [""], reverse = false): Trigger => ({ relation, preps, reverse });

const VERB_TABLE: Record<string, Trigger> = {
  meet: t("MEET", ["", "with"]),
  host: t("HOST"),
  welcome: t("HOST"),
  receive: t("HOST"),
  invite: t("HOST"),
  visit: t("VISIT"),
  tour: t("VISIT"),
  travel: t("VISIT", ["to"]),
  arrive: t("VISIT", ["in", "at"]),
  fly: t("VISIT", ["to"]),
  discuss: t("CONSULT", ["with"]),
  negotiate: t("CONSULT", ["with"]),
  consult: t("CONSULT", ["", "with"]),
  speak: t("CONSULT", ["with", "to"]),
  talk: t("CONSULT", ["with", "to"]),
  mediate: t("CONSULT", ["between", "with"]),
  brief: t("CONSULT", [""]),
  support: t("SUPPORT"),
  back: t("SUPPORT"),
  endorse: t("SUPPORT"),
  stand: t("SUPPORT", ["with", "by"]),
  side: t("SUPPORT", ["with"]),
  thank: t("PRAISE"),
  praise: t("PRAISE"),
  commend: t("PRAISE"),
  congratulate: t("PRAISE"),
  hail: t("PRAISE"),
  sign: t("AGREE", ["with"]),
  agree: t("AGREE", ["with"]),
  ally: t("AGREE", ["with"]),
  supply: t("AID", ["", "to"]),
  promise: t("AID", ["", "to"]),
  provide: t("AID", ["", "to"]),
  sell: t("AID", ["to"]),
  ship: t("AID", ["to"]),
  deliver: t("AID", ["to"]),
  send: t("AID", ["to"]),
  arm: t("AID"),
  help: t("AID"),
  assist: t("AID"),
  fund: t("AID"),
  export: t("AID", ["to"]),
  ask: t("REQUEST"),
  request: t("REQUEST", ["", "from"]),
  seek: t("REQUEST", ["from"]),
  urge: t("REQUEST"),
  appeal: t("REQUEST", ["to"]),
  press: t("REQUEST"),
  quote: t("QUOTE"),
  cite: t("QUOTE"),
  monitor: t("MONITOR"),
  watch: t("MONITOR"),
  investigate: t("MONITOR"),
  accompany: t("ACCOMPANY"),
  join: t("ACCOMPANY"),
  bring: t("ACCOMPANY", [""], true),
  accuse: t("ACCUSE"),
  blame: t("ACCUSE"),
  criticize: t("ACCUSE"),
  criticise: t("ACCUSE"),
  condemn: t("ACCUSE"),
  denounce: t("ACCUSE"),
  deny: t("DENY"),
  reject: t("DENY"),
  dismiss: t("DENY"),
  refute: t("DENY"),
  rebuff: t("DENY"),
  warn: t("WARN"),
  threaten: t("WARN"),
  caution: t("WARN"),
  demand: t("DEMAND", ["", "from", "of"]),
  insist: t("DEMAND", ["that"]),
  sanction: t("SANCTION"),
  embargo: t("SANCTION"),
  expel: t("SANCTION"),
  ban: t("SANCTION"),
  attack: t("ATTACK"),
  strike: t("ATTACK"),
  invade: t("ATTACK"),
  bomb: t("ATTACK"),
  shell: t("ATTACK"),
  raid: t("ATTACK"),
  target: t("ATTACK"),
  fight: t("ATTACK", ["", "against"]),
};

/** Nouns that state a relation: "a summit with X", "X's war on Y", "sanctions against Y". */
const NOUN_TABLE: Record<string, Trigger> = {
  summit: t("MEET", ["with", "between"]),
  meeting: t("MEET", ["with", "between"]),
  talk: t("MEET", ["with", "between"]),
  visit: t("VISIT", ["to"]),
  trip: t("VISIT", ["to"]),
  call: t("CONSULT", ["with"]),
  communication: t("CONSULT", ["with"]),
  negotiation: t("CONSULT", ["with", "between"]),
  support: t("SUPPORT", ["for", "to"]),
  backing: t("SUPPORT", ["for"]),
  sanction: t("SANCTION", ["against", "on"]),
  embargo: t("SANCTION", ["against", "on"]),
  war: t("ATTACK", ["on", "in", "against"]),
  invasion: t("ATTACK", ["of"]),
  attack: t("ATTACK", ["on", "against"]),
  strike: t("ATTACK", ["on", "against"]),
  offensive: t("ATTACK", ["against", "on"]),
  aid: t("AID", ["to", "for"]),
  assistance: t("AID", ["to", "for"]),
  delivery: t("AID", ["to"]),
  invitation: t("HOST", ["to"]),
  accusation: t("ACCUSE", ["against"]),
  criticism: t("ACCUSE", ["of"]),
  warning: t("WARN", ["to"]),
  denial: t("DENY", []),
};

// Maps, not objects: a lemma such as "constructor" must not find Object's prototype.
export const VERB_TRIGGERS: ReadonlyMap<string, Trigger> = new Map(Object.entries(VERB_TABLE));
export const NOUN_TRIGGERS: ReadonlyMap<string, Trigger> = new Map(Object.entries(NOUN_TABLE));

/** Speech verbs: their subject is the speaker of what the sentence reports. */
export const SPEECH_VERBS = new Set(["say", "tell", "add", "state", "announce", "report", "claim", "note", "write", "insist", "declare", "confirm"]);
