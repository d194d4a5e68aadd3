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

