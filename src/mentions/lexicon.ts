// General news-English vocabulary the mentions stage needs. Nothing here names an actor:
// these are the words news writing uses around names (titles, organisation heads, place
// heads, descriptions), so they hold for any article.

// Each list has an id (its export name) and a reason (its doc comment); WORD_LISTS lists
// them all for `--explain` readers and tests. Sets of lower-case words, never changed.
import { wordList, type WordList } from "../doc/words.js";

const words = wordList;

/** Head words of person titles and roles ("President", "spokesperson", "defence minister"). */
export const TITLE_HEADS = words(`
  president vice-president president-elect premier chancellor minister ministers secretary
  secretary-general undersecretary under-secretary spokesman spokeswoman spokesperson
  ambassador envoy king queen prince princess emperor pope sheikh emir sultan ayatollah
  general admiral colonel commander lieutenant major captain marshal sergeant brigadier
  chief head leader director director-general governor mayor senator congressman
  congresswoman lawmaker chairman chairwoman chair ceo founder officer manager
  researcher diplomat representative deputy mr mrs ms dr judge justice prosecutor
  attorney mp coordinator adviser advisor negotiator mediator commissioner rapporteur
  spokesmen official
`);

/** Words that may stand inside a multi-word title ("Deputy Foreign Minister", "Rear Admiral"). */
export const TITLE_MODIFIERS = words(`
  deputy vice assistant acting interim former foreign defence defense trade finance
  interior justice economy economic health education energy home state prime rear
  brigadier major lieutenant first second senior chief general executive press
  permanent special top supreme army navy air military national security political
  environment agriculture labour labor culture information communications transport
  development industry commerce affairs policy planning plans staff
  public relations international regional country managing technical
`);

/** Prepositions that tie a title to its office inside a title: "Minister for Foreign Affairs", "Secretary of State". */
export const TITLE_PREPOSITIONS = words(`for of`);

/** Words that join the parts of a title: "the Minister of the Interior", "Trade and Industry". */
export const TITLE_JOINERS = words(`the and`);

/** A name run never ends on these: "of", "for", "and", "the". */
export const NOT_LAST_IN_NAME = words(`of for and the`);

/** Titles that identify a person without a country ("Mr", "Dr") or are ranks. */
export const HONORIFICS = words(`mr mrs ms dr sir dame lady lord`);

/** Last words that make a name an organisation ("Foreign Ministry", "Wagner Group"). */
export const ORGANIZATION_HEADS = words(`
  ministry department agency council group front movement party union organization
  organisation programme program institute commission committee forces army navy
  corps community alliance bank company industries association court fund office
  delegation command unit news parliament congress senate government police
  guard guards mission service services university times post press network
  broadcasting broadcaster radio television tv federation league brigade brigades
  battalion regiment militia authority board bureau centre center foundation
  trust corporation corp inc ltd co cartel coalition assembly secretariat cabinet
  administration embassy consulate command institution nations
  airlines airways system systems holdings technologies enterprises
  confederation caucus tribunal observatory international watch initiative
`);

/** Last words that make a name a place ("Merdeka Palace", "Red Sea", "Ituri province"). */
export const LOCATION_HEADS = words(`
  palace sea ocean cosmodrome mine province region river mountains mountain island
  islands gulf strait desert valley street square airport port base plant station
  bay lake peninsula city territory coast east west north south district county
  state's capital village town airbase field fields border crossing canal
  highlands plateau basin delta archipelago hill hills forest rainforest
  camp prison hospital stadium bridge dam reactor facility site airfield harbour harbor
  avenue road corridor strip bank heights headquarters hq
`);

/** Continents and world regions: places, never actors. */
export const WORLD_REGIONS = words(`
  africa asia europe america oceania antarctica arctic sahel caribbean balkans
  middle-east
`);

/** Common nouns that, after "the", stand for an organisation mentioned before. */
export const ORGANIZATION_NOMINALS = words(`
  group bloc ministry agency alliance mission company movement front union organization
  organisation council commission committee institute army militia party programme
  program department office delegation firm manufacturer force coalition
  network broadcaster outlet court board
`);

/** Nouns for people or bodies acting for a state ("Russian officials", "the Iranian government"). */
export const STATE_ACTOR_NOUNS = words(`
  officials official government authorities authority forces troops military army navy
  diplomats diplomat leadership administration state regime delegation junta
  ministry police soldiers negotiators lawmakers parliament warplanes jets aircraft
  warships drones artillery mediators envoys president leaders
`);

/** People who govern: "the authorities in Niamey" is the state, "police in Nairobi" a place. */
export const GOVERNING_NOUNS = words(`authorities government officials leadership administration regime leaders`);

export const PERSON_PRONOUNS = words(`he him his she her hers himself herself`);
export const THING_PRONOUNS = words(`it its itself`);

/** Capitalised words that begin sentences or headlines but are never names. */
export const NOT_NAME_WORDS = words(`
  the a an in on at for with by from to of and or but as after before since during
  while when where why how what who whom whose which that this these those there here
  it its he she his her they their them we our us i my you your both all some any each
  no not none one two three four five six seven eight nine ten many several most more
  few other another such also however meanwhile still yet then thus so if though
  although because until unless despite among between about against above below under
  over through into onto toward towards upon within without analysis update breaking
  exclusive inquiries monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  today yesterday tomorrow tonight speculation thanks press release statement
  mr mrs ms dr read related watch opinion editorial photo video
`);

/** Lowercase particles that may stand inside a personal name ("van der Laan", "al-Assad"). */
export const NAME_PARTICLES = words(`van der von de da di du la le del dos das bin ibn al el ben ter`);

/** Words that link the parts of an organisation name ("Ministry of Defence and ..."). */
export const NAME_CONNECTORS = words(`of for and on`);

/** Words after "of" that keep an organisation or state name going ("Republic of", "Bank of the"). */
export const OF_THE_HEADS = words(`republic kingdom union organization organisation
  association commonwealth federation league church bank emirates`);

/** Other words after which "of"/"for" continues a name ("Horn of Africa", "University of X"). */
export const OF_HEADS_EXTRA = words(`horn gulf bay cape isle sea strait university state states
  people secretary minister court coast city`);

/** Words wire services put in capitals before a headline ("ANALYSIS-", "UPDATE 2"). */
export const NEWS_LABELS = words(`analysis update exclusive breaking factbox explainer insight timeline wrapup corrected refile`);

/** Determiners that open a description: "the group", "its spokeswoman", "whose leader". */
export const DETERMINERS_OF_NOMINALS = words(`the its his her their this whose`);

/** Every list above, by id, with its reason, for readers and tests. */
export const LEXICON = {
  TITLE_HEADS, TITLE_MODIFIERS, TITLE_PREPOSITIONS, TITLE_JOINERS, NOT_LAST_IN_NAME, HONORIFICS,
  ORGANIZATION_HEADS, LOCATION_HEADS, WORLD_REGIONS, ORGANIZATION_NOMINALS, STATE_ACTOR_NOUNS,
  GOVERNING_NOUNS, PERSON_PRONOUNS, THING_PRONOUNS, NOT_NAME_WORDS, NAME_PARTICLES, NAME_CONNECTORS,
  OF_THE_HEADS, OF_HEADS_EXTRA, NEWS_LABELS, DETERMINERS_OF_NOMINALS,
} as const satisfies Record<string, WordList>;

/** A title word: a head, a modifier, or a word that links them. */
export function isTitleWord(word: string): boolean {
  return TITLE_HEADS.has(word) || TITLE_MODIFIERS.has(word) || TITLE_PREPOSITIONS.has(word) || TITLE_JOINERS.has(word);
}
