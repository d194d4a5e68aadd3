// A seeded, deterministic generator of news-style articles for benchmarks and tests.
//
// A large pool of actors (thousands of people with titles and affiliations, ministries,
// agencies, companies, armed groups, international bodies, countries, cities) is drawn
// with a Zipf-like popularity, so a few actors recur in many articles and most are rare,
// as in a real news stream. Articles introduce a person by title and full name and then
// use the surname; they say who met, visited, accused, warned, sanctioned ... whom, in the
// vocabulary's trigger words, between sentences that carry no relation at all.
//
//   npx tsx bench/generate-corpus.ts --articles 1000 [--seed 1] [--out corpus.jsonl]
//   npx tsx bench/generate-corpus.ts --articles 200 --format txt --out corpus-folder/
import { mkdirSync, writeFileSync, createWriteStream } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { mulberry32 } from "../src/layout/index.js";

export interface GeneratedArticle {
  id: string;
  text: string;
  date: string;
  source: string;
}

export interface CorpusShape {
  articles: number;
  seed?: number;
  /** People in the pool (default 3000). */
  people?: number;
}

/** The layout's seeded generator (mulberry32): small, fast, the same on every machine. */
export const prng = mulberry32;

const COUNTRIES: [name: string, adjective: string, capital: string][] = [
  ["Russia", "Russian", "Moscow"], ["Ukraine", "Ukrainian", "Kyiv"], ["China", "Chinese", "Beijing"],
  ["Japan", "Japanese", "Tokyo"], ["South Korea", "South Korean", "Seoul"], ["North Korea", "North Korean", "Pyongyang"],
  ["India", "Indian", "New Delhi"], ["Pakistan", "Pakistani", "Islamabad"], ["Iran", "Iranian", "Tehran"],
  ["Iraq", "Iraqi", "Baghdad"], ["Syria", "Syrian", "Damascus"], ["Turkey", "Turkish", "Ankara"],
  ["Israel", "Israeli", "Jerusalem"], ["Egypt", "Egyptian", "Cairo"], ["Saudi Arabia", "Saudi", "Riyadh"],
  ["France", "French", "Paris"], ["Germany", "German", "Berlin"], ["Italy", "Italian", "Rome"],
  ["Spain", "Spanish", "Madrid"], ["Poland", "Polish", "Warsaw"], ["Britain", "British", "London"],
  ["Brazil", "Brazilian", "Brasilia"], ["Argentina", "Argentine", "Buenos Aires"], ["Mexico", "Mexican", "Mexico City"],
  ["Canada", "Canadian", "Ottawa"], ["Australia", "Australian", "Canberra"], ["Indonesia", "Indonesian", "Jakarta"],
  ["Vietnam", "Vietnamese", "Hanoi"], ["Thailand", "Thai", "Bangkok"], ["Philippines", "Philippine", "Manila"],
  ["Nigeria", "Nigerian", "Abuja"], ["Kenya", "Kenyan", "Nairobi"], ["Ethiopia", "Ethiopian", "Addis Ababa"],
  ["South Africa", "South African", "Pretoria"], ["Congo", "Congolese", "Kinshasa"], ["Sudan", "Sudanese", "Khartoum"],
  ["Algeria", "Algerian", "Algiers"], ["Morocco", "Moroccan", "Rabat"], ["Venezuela", "Venezuelan", "Caracas"],
  ["Colombia", "Colombian", "Bogota"], ["Chile", "Chilean", "Santiago"], ["Peru", "Peruvian", "Lima"],
  ["Sweden", "Swedish", "Stockholm"], ["Norway", "Norwegian", "Oslo"], ["Finland", "Finnish", "Helsinki"],
  ["Greece", "Greek", "Athens"], ["Hungary", "Hungarian", "Budapest"], ["Romania", "Romanian", "Bucharest"],
  ["Serbia", "Serbian", "Belgrade"], ["Georgia", "Georgian", "Tbilisi"], ["Armenia", "Armenian", "Yerevan"],
  ["Azerbaijan", "Azerbaijani", "Baku"], ["Kazakhstan", "Kazakh", "Astana"], ["Afghanistan", "Afghan", "Kabul"],
  ["Bangladesh", "Bangladeshi", "Dhaka"], ["Myanmar", "Myanmar", "Naypyitaw"], ["Malaysia", "Malaysian", "Kuala Lumpur"],
  ["Qatar", "Qatari", "Doha"], ["Jordan", "Jordanian", "Amman"], ["Lebanon", "Lebanese", "Beirut"],
];

const FIRST_NAMES = (
  "Anna Boris Carlos Dmitri Elena Farid Grace Hassan Ingrid Jamal Karin Luis Maria Nikolai Olga Pedro Qasim Rosa " +
  "Sergei Tatiana Umar Vera William Xavier Yusuf Zainab Ahmed Beatriz Chen Daniel Emma Fatima Gustavo Hana Ivan " +
  "Julia Kenji Leila Mikhail Nadia Oscar Priya Rafael Sofia Tomas Ursula Viktor Wei Yara Amir Bianca Cyrus Dana " +
  "Emil Freya Gabriel Helena Ibrahim Jonas Katya Lars Mei Nour Omar Paulo Rania Stefan Tariq Valentina Walter " +
  "Yasmin Zoran Adriana Bogdan Camila Diego Esra Felix Giorgi Hyun Irina Javier Kwame Lena Marco Nasser Oksana " +
  "Pablo Ravi Samir Teresa Uche Vladimir Wanjiru Yuki Aliyu Bruno Chiara Dariusz Eun Fernando Gulnara Hamid Ilse"
).split(" ");

const SURNAMES = (
  "Petrov Ivanova Garcia Mendes Kowalski Nowak Schmidt Weber Rossi Bianchi Dubois Laurent Novak Horvat Popescu " +
  "Ionescu Nagy Kovacs Papadopoulos Yilmaz Demir Haddad Khalil Rahman Hossain Khan Ahmadi Rezaei Tanaka Suzuki Sato " +
  "Kim Park Lee Choi Nguyen Tran Wang Zhang Liu Chen Santos Oliveira Silva Pereira Fernandez Lopez Martinez Gomez " +
  "Okafor Adeyemi Mwangi Otieno Tesfaye Bekele Mensah Diallo Traore Abebe Hansen Johansson Lindqvist Virtanen " +
  "Korhonen Berg Jensen Olsen Smith Johnson Brown Taylor Wilson Clarke Murphy Kelly Sokolov Volkov Morozov " +
  "Lebedev Kuznetsov Shevchenko Bondarenko Melnyk Kovalenko Aliyev Mammadov Karimov Nazarbayev Sultanov Haider " +
  "Qureshi Siddiqui Farouk Mansour Saleh Nasser Aziz Darwish Costa Moreau Fischer Wagner Becker Hoffmann Richter"
).split(" ");

const ROLES = [
  "President", "Prime Minister", "Foreign Minister", "Defense Minister", "Finance Minister", "Interior Minister",
  "spokesperson", "ambassador", "General", "envoy", "opposition leader", "central bank governor", "trade minister",
];

const ORG_SUFFIXES = ["Foreign Ministry", "Defense Ministry", "Finance Ministry", "Interior Ministry", "central bank", "state news agency"];
const COMPANY_WORDS = ["Industries", "Holdings", "Energy", "Aerospace", "Logistics", "Mining", "Shipping", "Telecom"];
const GROUP_WORDS = ["Liberation Front", "Defense Forces", "People's Movement", "Resistance Council", "Patriotic Union"];
const BODIES = [
  "United Nations", "U.N. Security Council", "European Union", "NATO", "African Union", "World Bank",
  "International Monetary Fund", "International Atomic Energy Agency", "Arab League", "ASEAN",
  "World Health Organization", "International Criminal Court", "Red Cross", "Amnesty International",
];
const OUTLETS = ["Meridian Wire", "Globe Desk", "Daily Ledger", "Northern Courier", "Harbor Times", "Capital Report"];
const SYLLABLES = "ka ro mi sa ten vol dar lin bu zor el an ost gra vi ne pol ur tas ha".split(" ");
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

interface Person { first: string; last: string; role: string; country: number }
interface Organization {
  name: string;
  /** How a sentence names it: "the Polish Foreign Ministry", "NATO", "Kaviur Industries". */
  ref: string;
  country: number | undefined;
}
interface City { name: string; country: number }

interface Pool {
  people: Person[];
  organizations: Organization[];
  cities: City[];
}

function buildPool(random: () => number, peopleCount: number): Pool {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const people: Person[] = [];
  const names = new Set<string>();
  while (people.length < peopleCount) {
    const person = { first: pick(FIRST_NAMES), last: pick(SURNAMES), role: pick(ROLES), country: Math.floor(random() * COUNTRIES.length) };
    const full = `${person.first} ${person.last}`;
    if (names.has(full)) continue;
    names.add(full);
    people.push(person);
  }
  const organizations: Organization[] = BODIES.map((name) => ({
    name, ref: /^[A-Z.]+$/.test(name.replace(/ /g, "")) || name === "Amnesty International" ? name : `the ${name}`,
    country: undefined,
  }));
  COUNTRIES.forEach(([, adjective], country) => {
    for (const suffix of ORG_SUFFIXES) {
      const name = `${adjective} ${suffix.replace(/\b[a-z]/g, (c) => c.toUpperCase())}`;
      organizations.push({ name, ref: `the ${name}`, country });
    }
  });
  const orgNames = new Set(organizations.map((o) => o.name));
  for (let i = 0; organizations.length < 300 + peopleCount / 10 && i < 100_000; i++) {
    const base = cap(pick(SYLLABLES) + pick(SYLLABLES) + (random() < 0.5 ? pick(SYLLABLES) : ""));
    const company = random() < 0.6;
    const name = company ? `${base} ${pick(COMPANY_WORDS)}` : `${base} ${pick(GROUP_WORDS)}`;
    if (orgNames.has(name)) continue;
    orgNames.add(name);
    organizations.push({ name, ref: company ? name : `the ${name}`, country: Math.floor(random() * COUNTRIES.length) });
  }
  const cities: City[] = [];
  const cityNames = new Set(COUNTRIES.map(([, , capital]) => capital));
  for (let i = 0; cities.length < 400 && i < 100_000; i++) {
    const name = cap(pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES));
    if (cityNames.has(name)) continue;
    cityNames.add(name);
    cities.push({ name, country: Math.floor(random() * COUNTRIES.length) });
  }
  return { people, organizations, cities };
}

function sentenceCase(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Index in [0, n) with probability ~ 1 / (rank + 3): a few stars, a long tail. */
function zipf(random: () => number, n: number): number {
  // Inverse of the continuous CDF of 1/(x+3) on [0, n).
  const total = Math.log((n + 3) / 3);
  return Math.min(n - 1, Math.floor(3 * Math.exp(random() * total) - 3));
}

/** Generates the articles one by one (nothing is held), the same for the same shape. */
export function* generateCorpus(shape: CorpusShape): Generator<GeneratedArticle> {
  const seed = shape.seed ?? 1;
  const pool = buildPool(prng(seed * 7919 + 17), shape.people ?? 3000);
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const width = String(Math.max(shape.articles - 1, 1)).length;
  const start = Date.UTC(2024, 0, 1);

  for (let n = 0; n < shape.articles; n++) {
    const date = new Date(start + Math.floor((n / Math.max(shape.articles, 1)) * 365) * 86_400_000 + Math.floor(random() * 3) * 86_400_000)
      .toISOString().slice(0, 10);
    const source = pick(OUTLETS);
    const introduced = new Set<Person>();
    const personRef = (person: Person): string => {
      if (introduced.has(person)) return person.last;
      introduced.add(person);
      const [, adjective] = COUNTRIES[person.country];
      const full = `${person.first} ${person.last}`;
      return random() < 0.7 ? `${adjective} ${person.role} ${full}` : `${person.role} ${full}`;
    };
    const country = (): number => zipf(random, COUNTRIES.length);
    const countryName = (index: number): string => COUNTRIES[index][0];
    const person = (): Person => pool.people[zipf(random, pool.people.length)];
    const organization = (): Organization => pool.organizations[zipf(random, pool.organizations.length)];
    const city = (): City => pool.cities[zipf(random, pool.cities.length)];
    // Each article follows a few main actors, so relations repeat across sentences.
    const cast = [person(), person(), person()];
    const nations = [country(), country(), country()];
    /** Any actor: people, countries, organisations. */
    const actor = (): string => {
      const roll = random();
      if (roll < 0.45) return personRef(pick(cast));
      if (roll < 0.6) return personRef(person());
      if (roll < 0.85) return countryName(pick(nations));
      return organization().ref;
    };
    /** Someone who meets, hosts or travels: mostly people. */
    const who = (): string => {
      const roll = random();
      if (roll < 0.6) return personRef(pick(cast));
      if (roll < 0.9) return personRef(person());
      return organization().ref;
    };
    /** Two different actors, the first introduced before the second. */
    const two = (first: () => string, second: () => string): [string, string] => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const a = first();
        const b = second();
        if (a !== b && !a.endsWith(` ${b}`) && !b.endsWith(` ${a}`)) return [a, b];
      }
      return [first(), countryName(nations[0])];
    };
    const place = (): string => {
      const c = city();
      return random() < 0.5 ? `${c.name}` : `the ${COUNTRIES[c.country][1]} city of ${c.name}`;
    };
    const day = pick(WEEKDAYS);
    const templates: (() => string)[] = [
      () => { const [a, b] = two(who, who); return `${a} met ${b} in ${place()} on ${pick(WEEKDAYS)}.`; },
      () => { const [a, b] = two(who, actor); return `${a} held talks with ${b} about ${pick(TOPICS)}.`; },
      () => `${who()} visited ${countryName(pick(nations))} for the first time since ${2010 + Math.floor(random() * 13)}.`,
      () => { const [a, b] = two(actor, actor); return `${a} accused ${b} of ${pick(ACCUSATIONS)}.`; },
      () => `${actor()} denied the accusations, calling them ${pick(["baseless", "absurd", "politically motivated"])}.`,
      () => { const [a, b] = two(actor, actor); return `${a} warned ${b} that ${pick(CONSEQUENCES)}.`; },
      () => { const [a, b] = two(actor, actor); return `${a} urged ${b} to ${pick(REQUESTS)}.`; },
      () => `${countryName(pick(nations))} imposed sanctions on ${organization().ref} over ${pick(TOPICS)}.`,
      () => { const [a, b] = two(actor, actor); return `${a} praised ${b} for ${pick(["its restraint", "the agreement", "the humanitarian effort", "its leadership"])}.`; },
      () => { const [a, b] = two(actor, actor); return `${a} and ${b} signed an agreement on ${pick(TOPICS)}.`; },
      () => { const [a, b] = two(actor, actor); return `${a} supplied ${pick(["ammunition", "grain", "fuel", "drones", "medical aid"])} to ${b}, according to ${organization().ref}.`; },
      () => `${countryName(pick(nations))} launched strikes on ${place()}, ${pick(["officials said", "witnesses said", "the ministry said"])}.`,
      () => { const [a, b] = two(who, actor); return `${a} said ${countryName(pick(nations))} would support ${b} "as long as it takes."`; },
      () => { const [a, b] = two(who, who); return `${a} was accompanied by ${b} during the trip.`; },
      () => `${organization().ref} quoted ${personRef(pick(cast))} as saying the talks were "${pick(["productive", "difficult", "frank"])}".`,
      () => { const [a, b] = two(who, who); return `${a} welcomed ${b} at ${pick(["the airport", "the presidential palace", "a ceremony"])} in ${COUNTRIES[pick(nations)][2]}.`; },
      () => pick(FILLER),
      () => pick(FILLER),
      () => pick(FILLER),
      () => { const [lead, unit] = pick(FILLER_NUMBERS); return `${lead} ${Math.floor(random() * 90) + 2} ${unit}, ${pick(["the report said", "data showed", "officials estimated"])}.`; },
    ];
    const lead = cast[0];
    const headline = sentenceCase(`${COUNTRIES[lead.country][1]} ${lead.role} ${lead.last} ${pick(["meets", "warns", "visits", "accuses"])} ${COUNTRIES[pick(nations)][1]} ${pick(["leaders", "officials", "envoys"])}`);
    const paragraphs: string[] = [];
    const leadRef = personRef(lead);
    const [, other] = two(() => leadRef, who);
    const first = `${COUNTRIES[nations[0]][2].toUpperCase()} (${source}) — ${leadRef} ${pick(["met", "held talks with"])} ${other} on ${day} as ${pick(TOPICS)} ${pick(["dominated the agenda", "strained relations", "drew criticism"])}.`;
    paragraphs.push(first);
    const count = 7 + Math.floor(random() * 8);
    for (let p = 0; p < count; p++) {
      const sentences: string[] = [];
      const length = 2 + Math.floor(random() * 4);
      for (let s = 0; s < length; s++) sentences.push(sentenceCase(pick(templates)()));
      paragraphs.push(sentences.join(" "));
    }
    const id = `article-${String(n).padStart(width, "0")}`;
    yield { id, text: `${headline}\n\n${paragraphs.join("\n\n")}\n`, date, source };
  }
}

const TOPICS = [
  "grain exports", "the ceasefire", "nuclear inspections", "energy supplies", "border security", "arms sales",
  "the refugee crisis", "trade tariffs", "a prisoner exchange", "naval patrols", "debt relief", "election monitoring",
];
const ACCUSATIONS = [
  "violating the ceasefire", "supplying weapons to rebels", "election interference", "cyberattacks on its banks",
  "blocking humanitarian aid", "spying on its diplomats",
];
const CONSEQUENCES = [
  "any incursion would meet a firm response", "sanctions would follow", "the deal could collapse",
  "it would not tolerate further provocations",
];
const REQUESTS = [
  "release the detained journalists", "return to the negotiating table", "open the border crossings",
  "withdraw its troops", "allow inspectors into the site",
];
const FILLER = [
  "The talks lasted more than four hours, according to people familiar with the matter.",
  "Analysts said the move could reshape security in the region for years.",
  "Markets reacted calmly to the news, with the currency little changed.",
  "It was not immediately clear whether the two sides had reached any agreement.",
  "The meeting came weeks after a series of incidents along the border.",
  "Officials declined to give details, citing the sensitivity of the negotiations.",
  "Critics said the plan did little to address the underlying problems.",
  "Thousands of people gathered in the capital to protest against rising prices.",
  "The statement did not say when further talks would take place.",
  "Diplomats described the atmosphere as tense but constructive.",
];
const FILLER_NUMBERS: [string, string][] = [
  ["Exports fell by", "percent"], ["Inflation rose to", "percent"], ["The number of displaced people grew by", "thousand"],
  ["Output dropped by", "percent"], ["The fund pledged", "million dollars"], ["The convoy travelled", "kilometers"],
];

function parseArguments(argv: string[]): { articles: number; seed: number; out?: string; format: "jsonl" | "txt" } {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const articles = Number(value("--articles") ?? "1000");
  const seed = Number(value("--seed") ?? "1");
  const format = value("--format") ?? "jsonl";
  if (!Number.isInteger(articles) || articles < 0 || !Number.isInteger(seed) || (format !== "jsonl" && format !== "txt")) {
    process.stderr.write("usage: generate-corpus --articles N [--seed S] [--format jsonl|txt] [--out FILE|DIR]\n");
    process.exit(2);
  }
  return { articles, seed, out: value("--out"), format };
}

/** Writes a generated corpus: one .jsonl file, or a folder tree of .txt files by month. */
export async function writeCorpus(shape: CorpusShape, out: string, format: "jsonl" | "txt"): Promise<number> {
  let words = 0;
  if (format === "txt") {
    for (const article of generateCorpus(shape)) {
      const dir = path.join(out, article.date.slice(0, 7));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${article.id}.txt`), article.text);
      words += article.text.split(/\s+/).filter(Boolean).length;
    }
    return words;
  }
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const stream = createWriteStream(out);
  for (const article of generateCorpus(shape)) {
    words += article.text.split(/\s+/).filter(Boolean).length;
    if (!stream.write(JSON.stringify(article) + "\n")) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return words;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { articles, seed, out, format } = parseArguments(process.argv.slice(2));
  if (out === undefined) {
    for (const article of generateCorpus({ articles, seed })) process.stdout.write(JSON.stringify(article) + "\n");
  } else {
    const words = await writeCorpus({ articles, seed }, out, format);
    process.stderr.write(`wrote ${articles} articles, ${words} words to ${out}\n`);
  }
}
