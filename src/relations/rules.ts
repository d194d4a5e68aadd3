// The relation rules: each reading of the text that can make a relation has an id, a short
// reason and a confidence level. `extract --explain` names the rule of every relation, so a
// wrong edge points at the rule to fix. Data only: the readers are in index.ts.

/** Confidence levels, from what the text states outright to what the reader infers. */
export const CONFIDENCE = {
  /** A trigger verb with its subject and object. */
  stated: 0.85,
  /** A verb whose second actor is a coordinated subject, a title before a name, a speaker told an outlet. */
  direct: 0.8,
  /** A trigger noun with its owner and object; an owner written in or before a name. */
  nominal: 0.75,
  /** Read from a phrase around a name: "of", an apposition, a dateline, a denial's claim. */
  inferred: 0.7,
  /** A government title whose owner the text gives only through another person. */
  guessed: 0.6,
} as const;

/** How much a relation's confidence keeps when the text does not assert it outright. */
export const MODALITY_FACTOR = { asserted: 1, reported: 0.9, other: 0.75 } as const;

export interface RelationRule {
  reason: string;
  confidence: number;
}

export const RELATION_RULES = {
  "verb.active": { reason: "SUBJECT trigger-verb [preposition] OBJECT", confidence: CONFIDENCE.stated },
  "verb.passive": { reason: "PATIENT is/was trigger-verb-ed by AGENT (or a participle with 'by')", confidence: CONFIDENCE.stated },
  "verb.coordinated-subjects": { reason: "'X and Y signed': a symmetric verb without object relates its subjects", confidence: CONFIDENCE.direct },
  "verb.send-visitors": { reason: "'send a team/delegation to X' is a visit, not a delivery", confidence: CONFIDENCE.stated },
  "verb.join-body": { reason: "a state or body joining an organisation becomes part of it", confidence: CONFIDENCE.stated },
  "verb.join-member": { reason: "a person joining an organisation becomes a member of it (ROLE member)", confidence: CONFIDENCE.stated },
  "verb.welcome-decision": { reason: "welcoming what is not a person is support, not hosting", confidence: CONFIDENCE.stated },
  "noun.owner-object": { reason: "OWNER's trigger-noun preposition OBJECT, or SUBJECT light-verb trigger-noun preposition OBJECT", confidence: CONFIDENCE.nominal },
  "noun.between": { reason: "'a summit between X and Y'", confidence: CONFIDENCE.nominal },
  "quote.told-outlet": { reason: "'X told OUTLET': the outlet quotes X", confidence: CONFIDENCE.direct },
  "quote.according-to": { reason: "'according to OUTLET' in a sentence whose speaker is known, or whose subject follows it ('According to ABC News, X believes')", confidence: CONFIDENCE.inferred },
  "quote.statement-to": { reason: "parse: 'in a statement to OUTLET, X denied', 'X said in an interview with OUTLET': the outlet quotes the clause's subject", confidence: CONFIDENCE.inferred },
  "role.title": { reason: "a title before, around or after a person's name, with the body or state it belongs to", confidence: CONFIDENCE.direct },
  "role.of-body": { reason: "'X of the DAB', 'X from the Civic Party': a named person and the body named right after 'of'/'from' (role: the title, else member)", confidence: CONFIDENCE.inferred },
  "role.possessive-owner": { reason: "'DAB's X': a body's possessive right before a person's name (role: the title, else member)", confidence: CONFIDENCE.inferred },
  "role.coordinated": { reason: "'DAB's X and Y': a body's possessive reaches over a list of bare names closed by 'and'", confidence: CONFIDENCE.inferred },
  "role.respectively": { reason: "'X and Y of respectively A and B': two coordinated lists paired in order", confidence: CONFIDENCE.inferred },
  "role.own-country": { reason: "a government title without owner whose holder speaks of 'his/her country' in the sentence: the country named last before it", confidence: CONFIDENCE.inferred },
  "role.title-body": { reason: "a formal title without owner ('Minister for Foreign Affairs X') in a text that names its body ('Ministry for Foreign Affairs') once", confidence: CONFIDENCE.inferred },
  "role.delegation": { reason: "a government title without owner, accompanying an official ('X was accompanied by State Secretary Y'): Y holds office where X does", confidence: CONFIDENCE.guessed },
  "owner.possessive": { reason: "'X's Foreign Ministry', 'Russia's state news agency TASS'", confidence: CONFIDENCE.nominal },
  "owner.inside-name": { reason: "a country written inside the name: 'Ministry for Foreign Affairs of Finland'", confidence: CONFIDENCE.nominal },
  "owner.name-head": { reason: "an owner at the head of the name: 'Finnish Defence Forces', 'ECOWAS Commission'", confidence: CONFIDENCE.inferred },
  "owner.in-phrase": { reason: "'PLACE in PLACE/COUNTRY'", confidence: CONFIDENCE.nominal },
  "owner.of-phrase": { reason: "'BODY of the BODY/COUNTRY'", confidence: CONFIDENCE.inferred },
  "owner.apposition": { reason: "'Antara, Indonesia's state news agency'; 'Surabaya, Indonesia's second-largest city'", confidence: CONFIDENCE.inferred },
  "owner.comma-place": { reason: "'the coast of Aceh, Indonesia', 'Clearwater, Florida': a place and the country or region after its comma, outside a list", confidence: CONFIDENCE.inferred },
  "owner.city-of": { reason: "'the central Iranian city of Isfahan'", confidence: CONFIDENCE.inferred },
  "located-in.dateline": { reason: "'BUNIA, Democratic Republic of Congo —': a dateline's place and country", confidence: CONFIDENCE.inferred },
  "arg.subject-object": { reason: "parse: the trigger's subject (nsubj) acts on its object, indirect object or an oblique with a preposition the trigger allows", confidence: CONFIDENCE.stated },
  "arg.event-object": { reason: "parse: praising, backing or condemning an event noun aims at its agent ('condemned an attack by X', 'regretted X's refusal'; 'the sanctions': the agent of the same noun read before)", confidence: CONFIDENCE.direct },
  "arg.nominal-event": { reason: "parse: an event noun read as its verb with CAMEO's coding ('welcomed their resumption of ties with X': they resume ties with X)", confidence: CONFIDENCE.nominal },
  "arg.passive-agent": { reason: "parse: a passive trigger's agent (obl:agent, 'by') acts on its passive subject", confidence: CONFIDENCE.stated },
  "arg.control": { reason: "parse: an infinitive complement's actor is the controller's object ('urged X to ...') or subject ('threatened to sever ties with X')", confidence: CONFIDENCE.direct },
  "arg.clausal-target": { reason: "parse: a demand, request or warning aimed at the subject of its clause ('demanded that X withdraw')", confidence: CONFIDENCE.direct },
  "arg.conj-verb": { reason: "parse: a verb coordinated with another takes that verb's subject ('X met Y and praised Z')", confidence: CONFIDENCE.direct },
  "arg.relative-clause": { reason: "parse: a relative clause's subject is its antecedent ('X, which attacked Y')", confidence: CONFIDENCE.direct },
  "arg.light-verb": { reason: "parse: an event noun as object of a light verb takes the verb's subject ('held talks with', 'issued a warning to')", confidence: CONFIDENCE.nominal },
  "arg.noun-owner": { reason: "parse: an event noun's possessor, demonym or compound owner acts ('X's invasion of Y', 'a Nigerian ultimatum')", confidence: CONFIDENCE.nominal },
  "arg.noun-agent": { reason: "parse: an event noun's 'by' phrase is its agent ('an attack by X on Y')", confidence: CONFIDENCE.nominal },
  "arg.including": { reason: "parse: a group argument without a named actor takes the actors of its 'including' phrase ('attacked defectors, including X and Y', 'assisted by former members, including X')", confidence: CONFIDENCE.direct },
  "arg.founder": { reason: "parse: 'the organization founded by X', 'X founded the group': the founder holds a ROLE (founder) in the body", confidence: CONFIDENCE.direct },
  "arg.predicate-title": { reason: "parse: a title noun as predicate ('X is NATO's envoy', 'X became the youngest Council member', 'X serves as the EAC's envoy'), owned by a body or state", confidence: CONFIDENCE.direct },
  "arg.pattern-preposition": { reason: "parse: a preposition CAMEO's matching pattern names marks the target, or the owner of its noun ('clashed over the efforts of X')", confidence: CONFIDENCE.direct },
  "arg.endorsed-event": { reason: "parse: welcoming or backing an event noun 'between X and Y' codes the event towards both parties, as CAMEO does ('welcomed a resumption of ties between X and Y')", confidence: CONFIDENCE.inferred },
  "arg.agreement-purpose": { reason: "parse: signing or agreeing an accord whose infinitive purpose names a party makes an agreement with it ('signed a deal to buy jets from X')", confidence: CONFIDENCE.inferred },
  "deny.claim": { reason: "a denial without object points at whoever last accused, asked, demanded or warned", confidence: CONFIDENCE.inferred },
} as const satisfies Record<string, RelationRule>;

export type RelationRuleId = keyof typeof RELATION_RULES;
