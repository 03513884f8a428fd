/**
 * Executives in German, Dutch and French sentences, which search results for European companies often are:
 * the titles those languages write (read as the English title the report shows), the words that say whose a
 * title is ("von", "bij", "de"), and the sentence shapes (people.ts's shape space: ⟦N0⟧ names, ⟦T0⟧ titles)
 * that state a title held or left.
 */

/** Each title as written, and its English form; null keeps the title as written (no English title says the same). */
const TITLE_FORMS: [source: string, english: string | null][] = [
  // German
  ['(?:[Mm]it(?:be)?gründer|[Cc]o-[Gg]ründer)(?:in(?:nen)?)?', 'Co-founder'],
  ['[Gg]ründer(?:in(?:nen)?)?', 'Founder'],
  ['[Ff]inanzvorst(?:and|ändin)|[Ff]inanzchef(?:in)?', 'CFO'],
  ['[Vv]orstandschef(?:in)?|[Vv]orstandsvorsitzende[rn]?', 'CEO'],
  ['[Tt]echn(?:ologie|ik)chef(?:in)?', 'CTO'],
  ['[Gg]eschäftsführer(?:in)?', 'Managing Director'],
  // "Deutschlandchef": the head of a country's business, a title English writes no single way.
  ['[Dd]eutschlandchef(?:in)?', null],
  // Dutch
  ['[Mm]ede-?oprichter|[Mm]ede-?oprichtster', 'Co-founder'],
  ['[Oo]prichter|[Oo]prichtster', 'Founder'],
  ['[Mm]ede-?(?:ceo|CEO)', 'Co-CEO'],
  ['[Ff]inancieel\\s[Dd]irecteur', 'CFO'],
  ['[Bb]estuursvoorzitter', 'CEO'],
  // French
  ['[Cc]o-?fondat(?:eur|rice)', 'Co-founder'],
  ['[Ff]ondat(?:eur|rice)', 'Founder'],
  ['PDG|[Pp]résidente?-[Dd]irect(?:eur|rice)\\s[Gg]énérale?', 'CEO'],
  // Not "directeur général délégué", a deputy.
  ['[Dd]irect(?:eur|rice)\\s[Gg]énérale?(?!\\s[Dd]élégu)', 'CEO'],
  ['[Dd]irect(?:eur|rice)\\s[Ff]inanci(?:er|ère)', 'CFO'],
  ['[Rr]esponsable\\s(?:des\\s)?communications', 'Head of Communications'],
  ['[Rr]esponsable\\sdu\\smarketing', 'Head of Marketing'],
  ['[Rr]esponsable\\sdes\\sventes', 'Head of Sales'],
  ['[Rr]esponsable\\sdes\\sressources\\shumaines', 'Head of Human Resources'],
  // Portuguese
  ['[Cc]o-?fundador(?:a|es|as)?', 'Co-founder'],
  ['[Ff]undador(?:a|es|as)?', 'Founder'],
  ['[Dd]iretor(?:a)?-[Pp]residente|[Pp]residente-[Ee]xecutiv[oa]', 'CEO'],
  ['[Dd]iretor(?:a)?\\s[Ff]inanceir[oa]', 'CFO'],
];

const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿĀ-ž';
/**
 * The titles above as one regular-expression source, for titles.ts. Not inside a compound: "Amazon-Gründer
 * Jeff Bezos" and "Zalando-Finanzchef" name another company's people.
 */
export const OTHER_LANGUAGE_TITLES = `(?<![${LETTER}-])(?:${TITLE_FORMS.map(([source]) => source).join('|')})(?![${LETTER}])`;

/** The words joining two titles of one person ("Gründer und CEO"). */
export const OTHER_LANGUAGE_AND = '(?:und|en|et|e)';

const FORMS = TITLE_FORMS.map(([source, english]) => ({
  pattern: new RegExp(`(?<![${LETTER}-])(?:${source})(?![${LETTER}])`, 'gu'),
  english,
}));

const JOINING_AND = new RegExp(`\\s${OTHER_LANGUAGE_AND}\\s`, 'g');

/** A title in English where it was written in another language ("Gründer und Finanzvorstand" -> "Founder and CFO"). */
export function inEnglish(title: string): string {
  let english = title;
  for (const { pattern, english: form } of FORMS) if (form) english = english.replace(pattern, form);
  return english === title ? title : english.replace(JOINING_AND, ' and ');
}

/** Words that tie a title to an organisation after it ("CEO von Acme", "cfo bij Acme", "fondateur de Acme", "CEO des Konzerns"). */
export const OTHER_LANGUAGE_OF = "(?:(?:von|bei|der|des|van|bij|de|du|chez|da|do)\\s|d['’])";

/** "des Unternehmens", "des Raketen-Startups", "van het bedrijf", "de l'entreprise": the company the sentence is about. */
export const OTHER_LANGUAGE_SELF =
  "(?:(?:des|der|bei\\sdem|beim|von\\sdem|vom|van\\shet|bij\\shet|de\\sla|de\\sl['’])\\s?(?:[A-Za-zÄÖÜäöüß]+-)?(?:Unternehmens|Unternehmen|Konzerns|Konzern|Firma|Start-?ups?|bedrijf|onderneming|entreprise|société|start-?up)|(?:da|do)\\s(?:empresa|companhia|grupo))";

/** A holding a sentence states, in shape space: marks for the name and title (or a title in words), the owner if named. */
export interface MarkedHolding {
  name: string;
  title: string;
  org?: string;
  /** Where the statement's words end: what follows may name the title's owner ("... von Acme"). */
  end: number;
  /** The list the name was named in, for PersonStatement.listedWith. */
  list?: string;
}

interface Marks {
  /** A name's mark, a title's mark, and an organisation as written in shape space (regular-expression sources). */
  name: string;
  title: string;
  organisation: string;
}

const ARTICLE = "(?:der|die|den|dem|de|het|le|la|l['’]|un|une|ein|eine|einen|zum|zur|o)";
const NEW = '(?:neue[nr]?|nieuwe|nouvel(?:le)?|nouveau)';
const NOW = "(?:heute|jetzt|nun|inzwischen|nu|momenteel|aujourd['’]hui|désormais|actuellement)";
const AND = `(?:${OTHER_LANGUAGE_AND}|and)`;

/**
 * The sentence shapes of these languages over people.ts's marks: `holdings` of a sentence, and `departed`,
 * sources with the groups people.ts's departures have (`name`, `title`, `org`).
 */
export function otherLanguageShapes(marks: Marks): {
  /** `words` gives a mark's words back. */
  holdings: (text: string, words: (marked: string) => string) => MarkedHolding[];
  departed: string[];
} {
  const N = `(${marks.name})`;
  const T = `(${marks.title})`;
  const ORG = `(${marks.organisation})`;
  const NAME_G = `(?<name>${marks.name})`;
  const TITLE_G = `(?<title>${marks.title})`;
  const ORG_G = `(?<org>${marks.organisation})`;
  // "Daniel Metzler (l.) und Josef Fleischmann": a list of names, a photo's "(l.)" after one.
  const LISTED = `${marks.name}(?:\\s\\([^)]{1,12}\\))?`;
  const LIST = `((?:${LISTED},\\s)*${LISTED},?\\s${AND}\\s${LISTED})`;
  const one = (source: string) => new RegExp(source, 'gu');
  const patterns: { pattern: RegExp; name: number; title: number; org?: number }[] = [
    // "Josef Fleischmann ist Mitgründer und COO", "Jane Doe est la nouvelle directrice financière"
    {
      pattern: one(
        `${N}(?:,\\s[^,]{3,100},)?\\s(?:ist|wird|wurde|bleibt|is|wordt|werd|blijft|est|devient|reste)\\s(?:${NOW}\\s)?(?:${ARTICLE}\\s?)?(?:${NEW}\\s)?${T}`,
      ),
      name: 1,
      title: 2,
    },
    // "Ingo Uytdehaage, die is bevorderd van cfo tot mede-ceo", "Jane Doe, der zum Finanzvorstand ernannt wurde"
    {
      pattern: one(
        `${N},\\s(?:die|der|qui)\\s(?:(?:is|was|wordt|werd|wurde|ist|est|a\\sété)\\s(?:bevorderd|benoemd|befördert|ernannt|berufen|promue?|nommée?)\\s(?:van\\s[^,;.]{1,40}?\\s)?(?:tot|zum|zur|au\\sposte\\sde|comme)|(?:zum|zur)|(?:tot))\\s(?:${ARTICLE}\\s?)?(?:${NEW}\\s)?${T}`,
      ),
      name: 1,
      title: 2,
    },
    // "la responsable des communications de Ramp, Lindsay McKinley", "der Finanzchef von Acme, Jane Doe"
    {
      pattern: one(`${T}\\s${OTHER_LANGUAGE_OF}${ORG},\\s${N}(?=,|\\s\\p{Ll}|$)`),
      title: 1,
      org: 2,
      name: 3,
    },
    // "Das sagte Finanzvorstand Jane Doe der F.A.Z.": the newspaper she spoke to (a dative) owns no title.
    {
      pattern: one(
        `\\b(?:sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint)\\s${T}\\s${N}\\s(?:der|dem)\\s[^.;]*`,
      ),
      title: 1,
      name: 2,
    },
    // "Jane Doe übernimmt zudem die Rolle des CSO", "Jane Doe neemt de rol van cfo over", "Jane Doe assume o cargo de CEO"
    {
      pattern: one(
        `${N}\\s(?:übernimmt|übernahm|neemt|nam|assume|assumiu|assumirá)\\s(?:(?:zudem|auch|außerdem|nun|ab\\s\\S+|ook|nu|também|agora)\\s)?(?:die|de|o|a)\\s(?:Rolle|Position|Funktion|Aufgabe|rol|functie|positie|cargo|função|posição)\\s(?:des|der|als|van|de|do|da)\\s(?:${ARTICLE}\\s?)?${T}`,
      ),
      name: 1,
      title: 2,
    },
    // "Anderson Chamon, um dos fundadores do Acme": one of the founders.
    {
      pattern: one(`${N},\\s(?:um|uma)\\s(?:dos|das)\\s(?:\\p{Ll}+\\s)?${T}`),
      name: 1,
      title: 2,
    },
    // "Guillaume Lample, le co-fondateur breton de Mistral AI", "Jane Doe, die neue Finanzchefin des Konzerns"
    {
      pattern: one(
        `${N},\\s(?:${ARTICLE}\\s?)(?:${NEW}\\s)?${T}(?:\\s(?!${OTHER_LANGUAGE_OF})\\p{Ll}[\\p{L}-]*)?(?=[\\s,.;:]|$)`,
      ),
      name: 1,
      title: 2,
    },
  ];
  // "Die Gründer von Isar Aerospace: A, B und C"
  const TITLE_OF_LIST = one(`${T}\\s(?:von|van|de|du|der|des)\\s${ORG}:\\s${LIST}`);
  // "Os outros dois fundadores, A e B, continuam": a plural title set before its list of names.
  const TITLE_THEN_LIST = one(`${T},\\s${LIST}(?=,|\\s\\p{Ll}|\\.|$)`);
  // "Haben Acme 2018 mitgegründet: A (l.) und B", "Acme a été cofondée par A et B": the year after the company's
  // name is no part of it, nor the auxiliary opening the sentence (OPENING_AUXILIARY).
  const FOUNDED_LIST = one(
    `${ORG}(?<!\\d)\\s(?:\\d{4}\\s)?(?:mitgegründet|gegründet|opgericht|(?:a\\sété\\s)?(?:co-?)?fondée?)(?:\\s(?:von|door|par))?:?\\s${LIST}`,
  );
  const OPENING_AUXILIARY = /^(?:Haben|Hat|Hatten|Hatte|Hebben|Heeft|Ont|A)\s/;
  const MEMBER = one(`(${marks.name})`);
  const members = (list: string) => [...list.matchAll(MEMBER)].map((m) => m[1]!);
  return {
    holdings(text, words) {
      const found: MarkedHolding[] = [];
      for (const { pattern, name, title, org } of patterns)
        for (const m of text.matchAll(pattern))
          found.push({ name: m[name]!, title: m[title]!, org: org ? m[org] : undefined, end: m.index + m[0].length });
      const listed = (list: string, title: string, org: string, end: number) => {
        const names = members(list);
        const each = names.length > 1 && inEnglish(words(title)) === 'Founder' ? 'Co-founder' : title;
        for (const name of names) found.push({ name, title: each, org, end, list });
      };
      for (const m of text.matchAll(TITLE_OF_LIST)) listed(m[3]!, m[1]!, m[2]!, m.index + m[0].length);
      for (const m of text.matchAll(TITLE_THEN_LIST))
        // Only a title in the plural is every listed person's ("fundadores", "co-founders").
        if (/s$/.test(words(m[1]!))) listed(m[2]!, m[1]!, 'the company', m.index + m[0].length);
      for (const m of text.matchAll(FOUNDED_LIST))
        listed(m[2]!, 'Founder', words(m[1]!).replace(OPENING_AUXILIARY, ''), m.index + m[0].length);
      return found;
    },
    departed: [
      // "die Mitgründer A und B, die später zu anderen Firmen gingen": people who went on to other companies.
      `${NAME_G}(?:,?\\s${AND}\\s(?<also>${marks.name}))?(?:,\\s(?:die|der|qui)\\s)?\\s?(?:[^.;⟦]{0,30}?\\s)?(?:später|danach|inzwischen|seither|later|intussen|depuis|ensuite|plus\\stard)\\s(?:bei|zu|für|bij|naar|voor|chez|pour|dans)\\s(?:anderen?|andere|d['’]autres|une\\sautre|einer\\sanderen|een\\sander)\\s`,
      // "der frühere Finanzchef Jane Doe", "voormalig cfo Jane Doe", "l'ancien PDG Jane Doe"
      `(?:[Ee]hemalige[nrs]?|[Ff]rühere[nrs]?|[Vv]oormalige?|[Aa]ncien(?:ne)?)\\s(?:${ORG_G}\\s)?${TITLE_G}\\s${NAME_G}`,
      // "Jane Doe scheidet als Finanzvorstand aus", "Jane Doe tritt zurück", "Jane Doe verlässt Acme", "Jane Doe quitte Acme"
      `${NAME_G}(?:,\\s[^,]{0,80},)?\\s(?:(?:scheidet|schied|tritt|trat)\\s(?:[^.;⟦]{0,40}?\\s)?(?:als\\s(?:(?:der|die)\\s)?${TITLE_G}\\s(?:[^.;⟦]{0,40}?\\s)?)?(?:zurück|aus)\\b|(?:verlässt|verließ|verlaat|verliet|vertrekt|vertrok|treedt\\saf|trad\\saf|quitte|a\\squitté|démissionne|a\\sdémissionné)(?:\\s${ORG_G})?)`,
      // "Diogo Roberte, ..., vende suas ações e deixa a empresa": he leaves.
      `${NAME_G}(?:,\\s[^,]{0,80},)?\\s(?:[^.;⟦]{0,60}?\\s)?(?:deixa|deixou|deixará|está\\sdeixando)\\s(?:a\\s(?:empresa|companhia|sociedade)|o\\scargo)`,
    ],
  };
}
