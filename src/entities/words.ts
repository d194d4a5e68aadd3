// Words the entities stage reads around a mention to type and resolve it. General English
// and news conventions: nothing here names an actor.
import { wordList } from "../doc/words.js";

const words = wordList;

export const KIND_WORDS = {
  /** Prepositions after which an unknown name is a place. */
  PLACE_PREPOSITIONS: words(`in at near to from into across outside inside around toward towards via on`),
  /** Prepositions that make a place of a name whose kind was only guessed ("in Gaza" after "hit Gaza"). */
  IN_PLACE_PREPOSITIONS: words(`in at near inside outside across around`),
  /** Direction and position words inside place names and before them ("Far East", "in southern Gaza"). */
  DIRECTION_WORDS: words(`far east west north south eastern western northern southern central middle upper lower`),
  /** Verbs whose object is a place, even when it is a capital ("visited Moscow"). */
  MOTION_VERBS: words(`visit tour leave reach enter travel fly return arrive attack bomb strike shell capture
    seize besiege hit evacuate move relocate base`),
  /** Words before a name that make it a news outlet ("told Reuters", "according to Antara"). */
  OUTLET_VERBS: words(`tell according`),
  /** Prepositions before a capital that make it an actor ("talks with Moscow", "against Kyiv"). */
  PARTNER_PREPOSITIONS: words(`with against by between`),
  /** First words of a name owned by a country before it ("Russia's Defence Ministry"). */
  OWNED_BODY_FIRST_WORDS: words(`ministry department forces command army`),
  /** Pronouns that take up a person named just before ("Putin said he ..."). */
  TAKE_UP_PRONOUNS: words(`he she his her`),
  /** What follows a dateline's place name in capitals ("GENEVA (AP) —", "NAIROBI, Kenya —"). */
  DATELINE_FOLLOWERS: words(`( , — – -`),
  /** Pronouns that point at a woman. */
  FEMALE_PRONOUNS: words(`she her hers herself`),
  /** Pronouns that point at a body or state. */
  THING_PRONOUNS: words(`it its itself`),
} as const;
