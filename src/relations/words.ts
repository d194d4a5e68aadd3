// Words the relations stage reads: general English grammar and news conventions (nothing
// here names an actor). Each list: its id, and what it is for in its comment.
import type { Modality, RelationType } from "../model.js";
import { wordList } from "../doc/words.js";

const words = wordList;

export const RELATION_WORDS = {
  /** Nouns whose infinitive is done by someone else than their owner ("his invitation to visit"). */
  INVITING_NOUNS: words(`invitation request call appeal offer proposal plea order permission`),
  /** Nouns for the people of a body, who stand for it ("the group's leaders"). */
  PEOPLE_OF_A_BODY: words(`leaders leader leadership officials members government fighters troops forces commanders representatives`),
  /** What one sends to visit a place, not to deliver ("send a team to Niger"). */
  VISITING_GROUPS: words(`team teams delegation mission envoy envoys inspectors observers experts representative`),
  /** Auxiliaries of the passive ("was accused", "got sanctioned"). */
  PASSIVE_AUXILIARIES: words(`be is was were been being are get got`),
  NEGATIONS: words(`not n't never no`),
  /** Verbs whose object noun carries the relation ("held talks with", "imposed sanctions on"). */
  LIGHT_VERBS: words(`maintain keep hold have vow express impose make carry pay begin sit give offer pledge
    announce launch wage continue come open conduct seek`),
  /** Titles of a government's people: without an owner in reach, they hold office in the document's state. */
  GOVERNMENT_TITLES: words(`president minister ambassador premier chancellor king queen secretary envoy spokesman
    spokeswoman spokesperson leader governor`),
  RELATIVE_PRONOUNS: words(`who which that whose whom`),
  /** Object pronouns: not owners ("warned him" but "his factories"). */
  OBJECT_PRONOUNS: words(`him her it them`),
  /** Prepositions that hang a noun phrase on the main clause ("during a summit with Y"). */
  CLAUSE_PREPOSITIONS: words(`during at after before for`),
  /** Words after "X from"/"X of" that let the named group act ("Fighters from X attacked"). */
  MEMBERS_PREPOSITIONS: words(`from of`),
  /** Words that open an enclosed segment after a comma (", a ... ,", ", known as ... ,"). */
  SEGMENT_OPENERS: words(`a an the its whose who which known based`),
  /** Links between coordinated actors ("X and Y", "X, Y or Z", "both X and Y"). */
  COORDINATION_LINKS: words(`and , or both`),
  /** Determiners left out of a title read from an apposition. */
  TITLE_DETERMINERS: words(`a an the its whose 's ’s`),
  /** Pronouns that give a title nominal its body ("its spokeswoman", "whose leader"). */
  NOMINAL_OWNER_PRONOUNS: words(`its whose`),
  /** Pronouns that give a title set off before a name its body ("its spokesman, X", "their commander, X"). */
  TITLE_OWNER_PRONOUNS: words(`its their`),
  /** Nouns for one's own state after a possessive pronoun ("his country had never ..."). */
  OWN_STATE_NOUNS: words(`country nation government`),
  /** Possessive pronouns of a person ("his country", "her government"). */
  POSSESSIVE_PERSON_PRONOUNS: words(`his her`),
  /** Nouns of membership read like a title in an apposition ("X, a member of the Y"). */
  MEMBER_NOUNS: words(`member`),
  /** Prepositions that tie a named person to the body they belong to ("X of the DAB", "X from the Civic Party"). */
  MEMBERSHIP_PREPOSITIONS: words(`of from`),
  /** Words that pair two coordinated lists in order ("X and Y of respectively A and B"). */
  PAIRING_ADVERBS: words(`respectively`),
  /** Links inside a coordination of names ("X, Y and Z"). */
  NAME_LIST_LINKS: words(`and ,`),
  /** The body an office heads, for a formal title ("Minister for Foreign Affairs" -> "Ministry for Foreign Affairs"). */
  OFFICE_BODIES: new Map([["minister", "ministry"], ["secretary", "department"]]),
} as const;

/** Words shortly before a trigger that set what it says apart from a plain assertion. */
export const MODALITY_MARKERS: readonly { modality: Modality; words: ReadonlySet<string> }[] = [
  { modality: "future", words: words(`will 'll shall`) },
  { modality: "expected", words: words(`expected scheduled set`) },
  { modality: "possible", words: words(`may might could can`) },
  { modality: "hypothetical", words: words(`would if should`) },
];

/** Relations a verb takes its object with even when the object is a possessive ("welcomed Kim's limousine"). */
export const POSSESSIVE_OBJECT_RELATIONS: ReadonlySet<RelationType> = new Set(["HOST", "MONITOR"]);

/** Relations that make a claim a DENY can point back at. */
export const CLAIM_RELATIONS: ReadonlySet<RelationType> = new Set(["ACCUSE", "REQUEST", "DEMAND", "WARN"]);

/** Phrasal verbs: a lemma and the particle after it read as another lemma ("turn down" = "reject"); null: no relation ("carry out"). */
export const PHRASAL_VERBS: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  ["turn down", "reject"],
  ["call on", "urge"],
  ["carry out", null],
]);


/** Words the argument rules over the parse read (arguments.ts). */
export const ARGUMENT_WORDS = {
  /**
   * Prepositions whose object is the target of a verb the CAMEO lexicon codes with the type
   * ("" allows the direct object): "fired at X", "restore ties with X", "contribute to X".
   */
  TYPE_PREPOSITIONS: {
    MEET: ["", "with"], CONSULT: ["", "with", "to"], VISIT: ["", "to", "in"], HOST: [""], SUPPORT: ["", "with", "for"],
    PRAISE: [""], AGREE: ["with", "to"], AID: ["", "to", "for"], REQUEST: ["", "from", "to"], DEMAND: ["", "from", "of"],
    ACCUSE: [""], DENY: [""], WARN: ["", "against", "of", "about"], SANCTION: ["", "on", "against", "with"],
    ATTACK: ["", "on", "at", "against", "into"], MONITOR: [""], ACCOMPANY: [""], QUOTE: [""],
  } as Partial<Record<RelationType, readonly string[]>>,
  /** Types whose clausal complement's subject is the one asked, warned or blamed ("demanded that X withdraw"). */
  CLAUSAL_TARGET_TYPES: new Set<RelationType>(["DEMAND", "REQUEST", "WARN"]),
  /** CAMEO verb blocks the argument rules do not read: GO_SOMEWHERE (leave, depart) codes 040 "consult", but its object is what is left ("left the Sea Org"), not someone consulted. */
  SKIPPED_CAMEO_BLOCKS: words(`GO_SOMEWHERE`),
  /** Adverbs that negate the verb they modify. */
  NEGATION_ADVERBS: words(`not n't never`),
  /** Nouns of people, bodies and forces that act for the state or group modifying them ("Turkish jets", "the X government", "officials of X"). */
  ACTOR_NOUNS: words(`team government administration authorities authority official officials leader leadership ministry
    military army navy troops troop soldier soldiers forces force jet jets plane warship police media diplomat diplomats
    delegation regime parliament cabinet president spokesman spokeswoman embassy court activist activists cleric
    group opposition newspaper fighter fighters rebel rebels militant militants security minister ambassador envoy
    lawmakers lawmaker legislators legislator ambassadors envoys ministers spokesmen prosecutors prosecutor
    counterpart counterparts vessel vessels ship ships boat boats warships planes aircraft`),
  /** Nouns of a number or part of a group, which stand for the group named in their "of" phrase ("a bunch of X", "members of X"). */
  PARTITIVE_NOUNS: words(`bunch number handful dozens hundreds thousands members member team delegation group contingent`),
  /** Types whose object may be an event noun standing for its agent ("condemned an attack by X", "regretted X's refusal"). */
  EVENT_OBJECT_TYPES: new Set<RelationType>(["ACCUSE", "PRAISE", "SUPPORT", "DENY"]),
  /** Event nouns read as their verb, whose CAMEO coding they take ("resumption of ties" = "resume ties"). */
  NOMINALIZATIONS: new Map<string, string>([
    ["resumption", "resume"], ["restoration", "restore"], ["establishment", "establish"], ["severance", "sever"],
    ["normalization", "normalize"], ["normalisation", "normalize"], ["suspension", "suspend"], ["expulsion", "expel"],
  ]),
  /** Event nouns besides the trigger nouns, whose possessor or "by" phrase is the one who acts. */
  EVENT_NOUNS: words(`refusal decision action actions policy policies move conduct behaviour behavior aggression
    occupation killing killings bombing bombings shelling crackdown treatment proposal proposals claim claims
    allegation allegations accusation accusations charge charges demand demands`),
  /** Verbs whose agent founds a body: a ROLE ("founder"), not an event (CAMEO codes "found" as aid). */
  FOUNDING_VERBS: words(`found co-found cofound`),
  /** Verbs whose object or complement is what the subject becomes ("became the party's leader", "was named NATO's envoy"). */
  BECOMING_VERBS: words(`become remain name appoint elect make`),
  /** Verbs whose "as" phrase is the subject's office ("serves as the EAC's envoy"). */
  SERVING_VERBS: words(`serve act work remain elect appoint name join`),
  /** Determiners of an event noun that refers back to one named before ("the sanctions", "these allegations"). */
  DEFINITE_DETERMINERS: words(`the these those this that`),
  /** Nouns of a statement made to an outlet ("in a statement to the ABC", "in an interview with Reuters"). */
  STATEMENT_NOUNS: words(`statement interview remarks comments`),
  /** Nouns of an oblique that make a defeat electoral, not an attack ("defeated X by 424 votes"). */
  ELECTION_NOUNS: words(`vote votes ballot ballots election elections poll polls runoff seat seats`),
  /** Prepositions of a phrase naming some members of a group argument ("attacked defectors, including X and Y"). */
  INCLUDING_WORDS: words(`including`),
  /** Nouns whose "of" phrase is their agent, not their patient ("the efforts of X", "the decision of X"). */
  AGENT_OF_NOUNS: words(`effort efforts decision decisions policy policies refusal action actions conduct behaviour behavior
    attempt attempts stance position plan plans`),
  /** Nouns of what one sends or says, whose "from" phrase or sender is its author ("memos from X", "assurances sent by X"). */
  MESSAGE_NOUNS: words(`memo memos message messages letter letters note notes assurance assurances statement statements
    proposal proposals offer offers pledge pledges promise promises invitation invitations initiative initiatives remark remarks
    comment comments`),
  /** Nouns of an agreement, whose infinitive purpose names the other party ("signed an accord to supply X"). */
  AGREEMENT_NOUNS: words(`accord accords agreement agreements deal deals pact pacts treaty treaties contract contracts memorandum`),
  /** Prepositions that name the other party inside an agreement's purpose ("to buy jets from X", "to sell arms to X"). */
  PURPOSE_PREPOSITIONS: words(`from to with`),
  /** Determiners and possessives before a noun phrase ("its improved relations": the participle is an adjective). */
  DETERMINERS: words(`the a an its their his her our your this that these those`),
  /** Verbs (besides LIGHT_VERBS) whose object noun carries the relation ("issued a warning to", "lodged a protest with"). */
  EXTRA_LIGHT_VERBS: words(`issue lodge file deliver send extend grant`),
} as const;
