import type { CompanyTarget } from '../component';
import { PERSON_NAME, isNameLike, nameBeforeHeadlineVerb } from './names';
import { TITLES, isFounderOnly, isPluralTitle, needsOwner, singularTitle } from './titles';
import { ORGANISATION, isTargetOrganisation, targetNameWords } from './organisations';
import { normaliseKey } from '../text';
import { OTHER_LANGUAGE_OF, OTHER_LANGUAGE_SELF, otherLanguageShapes } from './people-other-languages';

/** What one sentence or line says about a person and the target: holds a title there, or left it. */
export interface PersonStatement {
  name: string;
  /** The title held (for `holds`) or left (for `departed`, when the sentence names it). */
  title: string | null;
  status: 'holds' | 'departed';
  /** Whether the sentence ties the title to the target by name ("CEO of Acme", "Acme's CEO"). */
  explicit: boolean;
  /**
   * Capitalised names in the sentence besides the target's, its titles and the people it states something
   * of: organisations whose title this might be, or other people (told apart by the reader of this). Set
   * only when a title any organisation has (`needsOwner`), or a bare founder's, is held there without the target
   * named.
   */
  namedBesides?: string[];
  /** The title is implied, not stated: a successor takes the one the predecessor leaves. */
  inferred?: boolean;
  /** The other people of the list this person was named in ("founded by A, B and C"): the list vouches they are people. */
  listedWith?: string[];
}

/**
 * Sentences are matched in "shape space": each title and each person's name is first replaced by a mark
 * (⟦T0⟧, ⟦N0⟧), and the relation patterns below are written over the marks. The large name and title
 * patterns then run once per sentence instead of inside every relation, which keeps V8's regexp compilation
 * (hundreds of milliseconds for a pattern that embeds them several times) out of a lookup.
 */
const NAME_MARK = '⟦N\\d+⟧';
const TITLE_MARK = '⟦T\\d+⟧';
const TITLE_TEXT = new RegExp(TITLES, 'gu');
const NAME_TEXT = new RegExp(PERSON_NAME, 'gu');
const MARK = /⟦([NT])(\d+)⟧/g;

interface Shape {
  text: string;
  names: string[];
  titles: string[];
}

const WHOLE_TITLE = new RegExp(`^(?:${TITLES})$`, 'u');
const NAME_START = new RegExp(`^${PERSON_NAME}`, 'u');
const LAST_CAPITALISED = /\s(\p{Lu}\p{Ll}+)$/u;

/**
 * A title whose area ran into the name after it ("Head of Finance and Capital Markets Alex Song" read as one
 * title): the shortest cut of its last capitalised words that leaves a whole title and starts a name with them.
 */
function titleBeforeName(title: string, following: string): [title: string, name: string] | null {
  let cut = title;
  for (let words = 1; words <= 3; words++) {
    const last = LAST_CAPITALISED.exec(cut);
    if (!last) return null;
    cut = cut.slice(0, last.index);
    const moved = title.slice(cut.length + 1);
    const name = NAME_START.exec(`${moved}${following}`)?.[0];
    if (WHOLE_TITLE.test(cut) && name && name.length >= moved.length && isNameLike(name)) return [cut, moved];
  }
  return null;
}

const TITLES_THEN_AND_NOW = /⟦T(\d+)⟧(,?\s(?:and|&)\s)(?:now|currently|also)\s⟦T(\d+)⟧/gu;

function shapeOf(unit: string): Shape {
  const titles: string[] = [];
  const names: string[] = [];
  const withTitles = unit.replace(TITLE_TEXT, (title: string, offset: number) => {
    const split = LAST_CAPITALISED.test(title) ? titleBeforeName(title, unit.slice(offset + title.length)) : null;
    return split ? `⟦T${titles.push(split[0]) - 1}⟧ ${split[1]}` : `⟦T${titles.push(title) - 1}⟧`;
  });
  // "co-founder and now Executive Chairman": one person's titles, then and now, read as one.
  const joined = withTitles.replace(TITLES_THEN_AND_NOW, (_, first: string, joint: string, second: string) => {
    titles.push(`${titles[Number(first)]}${joint}${titles[Number(second)]}`);
    return `⟦T${titles.length - 1}⟧`;
  });
  const mark = (name: string) => `⟦N${names.push(name) - 1}⟧`;
  const text = joined.replace(NAME_TEXT, (name) => {
    if (isNameLike(name)) return mark(name);
    // "Fossil Group CEO Kosta Kartsotis Steps Down": the verb, in lower case, is read as a sentence's would be.
    const before = nameBeforeHeadlineVerb(name);
    return before ? `${mark(before)}${name.slice(before.length).toLowerCase()}` : name;
  });
  return { text, names, titles };
}

/** Shape-space text back to the words it stands for. */
const unshape = (shape: Shape, text: string) =>
  text.replace(MARK, (_, kind: string, index: string) => (kind === 'N' ? shape.names : shape.titles)[Number(index)]!);

const N = `(${NAME_MARK})`;
const T = `(${TITLE_MARK})`;
/** An organisation as written; a two-word name like "Goldman Sachs" was marked as a person's, so a mark may start one. */
const ORGANISATION_SHAPE = `(?:${NAME_MARK}(?:\\s${ORGANISATION})?|${ORGANISATION})`;
const ORG = `(${ORGANISATION_SHAPE})`;
/**
 * "the sneaker chain's", "the Austin-based airline's": the company the sentence is about, described in lower case
 * (as "its" says it, with no organisation named).
 */
const DESCRIBED_SELF =
  '(?:[\\p{Ll}-]+\\s){0,2}(?:company|firm|chain|maker|group|bank|retailer|airline|carrier|startup|start-up|insurer|lender|brand|business|supplier|manufacturer)';
/** "the company's", "Acme's", "Acme Systems'": captures who owns the title ("the firm" is the target), or plain "the", "its". */
const POSSESSIVE = `(?:((?:the\\s)?(?:company|firm)|${ORGANISATION_SHAPE})['’]s?\\s|the\\s${DESCRIBED_SELF}['’]s\\s|(?:the|its|our|their)\\s)`;
const U = 'gu';
/** German, Dutch and French sentences (people-other-languages.ts). */
const OTHER_LANGUAGES = otherLanguageShapes({ name: NAME_MARK, title: TITLE_MARK, organisation: ORGANISATION_SHAPE });

/** Territories a title may cover ("president for the U.S.", "head of EMEA"). */
const REGION =
  /^(?:U\.S\.A?|U\.K\.|USA?|UK|EU|EMEA|APAC|APJ|LATAM|Americas|(?:North|South|Latin|Central)\sAmerica|Europe|Asia(?:\sPacific|-Pacific)?|Africa|Middle\sEast|Nordics|DACH)\.?$/u;
/** The organisation a title is said to be of, right after it ("... Officer of Acme", "... at Acme"). */
// "co-founder of phonemaker Initech": a lower-case word saying what the organisation is may come before its name.
// "Senior Vice President and Distinguished Engineer at Initech": a second role, not a title, joined to the first.
const OF_ORGANISATION = new RegExp(
  `^(?:\\s(?:and|&)(?:\\s\\p{Lu}[\\p{L}-]*){1,3})?,?\\s(?:(?:of|at|for|with)\\s|${OTHER_LANGUAGE_OF})(?:the\\s)?(?:\\p{Ll}[\\p{Ll}-]+\\s)?${ORG}`,
  'u',
);
const OF_SELF = new RegExp(
  `^,?\\s(?:(?:of|at|for)\\s(?:the\\s)?(?:company|firm|group|business|bank)|${OTHER_LANGUAGE_SELF})\\b`,
  'i',
);
const COMMA_ORGANISATION = new RegExp(`^,\\s(${ORGANISATION})(?=[,.;]|$)`, 'u');
/** "general manager of the Data Center Group", "president of its Consumer Division": a part of the company, not another one. */
const OF_DIVISION =
  /^,?\s(?:of|for)\s(?:the|its)\s(?:[A-Z][\w&-]*\s){1,4}(?:Group|Division|Business|Unit|Segment|Organi[sz]ation)\b(?!\s(?:at|of)\s[A-Z])/u;
/** The capitalised words right before a title ("Acme CEO Jane Doe", "Goldman Sachs analyst"). */
const ORGANISATION_BEFORE = new RegExp(`${ORG}(?:['’]s)?\\s$`, 'u');
const WHOSE_BEFORE = new RegExp(`${ORG},\\swhose\\s$`, 'u');
/** Capitalised words that open sentences and clauses, not organisations. */
const SENTENCE_WORD =
  /^(?:The|This|That|These|Those|It|Its|Our|In|On|At|As|And|But|After|Before|When|While|With|By|For|From|Today|Now|Last|Earlier|Meanwhile|However|Also|Said|New|Newly|Incoming|Current|Longtime|Veteran|Interim|Acting|Then|Under|Since|Former|Their|His|Her|A|An)$/;
const ORGANISATION_ANYWHERE = new RegExp(`(?<![\\w⟧])(${ORGANISATION})`, 'gu');
/** Capitalised words that name a day or a month, not an organisation. */
const CALENDAR_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Capitalised names in a sentence besides the target's and those of the people stated: no title, day or clause opener. */
function namedBesides(shape: Shape, stated: PersonStatement[], target: CompanyTarget): string[] {
  // "Jane Doe, formerly of GV (Google Ventures), has joined as ...": a past employer owns no title here.
  // "Founders Fund": a plural title opening a capitalised name is part of that name ("President Bob Hickey" is
  // a person).
  const plain = shape.text
    .replace(/\b(?:formerly|previously)\s(?:of|at|with|from)\s[^,;]+/g, ' ')
    .replace(/⟦T(\d+)⟧(?=\s\p{Lu})/gu, (mark, index: string) =>
      isPluralTitle(shape.titles[Number(index)]!) ? shape.titles[Number(index)]! : mark,
    )
    .replace(MARK, ' ');
  // "Part of Summit" is a sentence's opening word and the target, read apart.
  const organisations = [...plain.matchAll(ORGANISATION_ANYWHERE)]
    .flatMap(([, org]) => org!.replace(/['’]s$/, '').split(/\s(?:of|and|for|&)\s/))
    .filter((org) => /^\p{Lu}/u.test(org) && !SENTENCE_WORD.test(org) && !CALENDAR_WORD.test(org));
  const people = shape.names.filter((name) => !stated.some((s) => s.name === name.trim()));
  return [...organisations, ...people].filter((name) => !isTargetOrganisation(name, target));
}

/** A filing's age after a name: "appointed Jane Doe, 55, as Chief Executive Officer". */
const AGE = '(?:,\\s\\d{2},)?';
/** Who the hire was before: "hires former Google executive Jane Doe as CEO" (the past is another organisation's). */
const DESCRIBED_HIRE = `(?:(?:former|ex-|longtime|veteran)\\s?(?:(?:[\\p{L}&'’.-]+|${TITLE_MARK})\\s){0,4}?)?`;
/** A part of the company and who runs it: "a Central Engineering Group led by", "its credit strategy is headed by". */
const LED_UNIT = `(?<![\\p{L}'’-])((?:\\p{Lu}[\\p{L}-]*\\s){1,4}(?:Group|Division|Unit|Business|Lab|Team|Office)|(?:[\\p{Ll}-]+\\s){1,3}(?:strategy|business|team|unit|division|practice))\\s(?:(?:is|was|will\\sbe)\\s)?(?:now\\s)?(?:led|headed|run)\\sby\\s(?:both\\s)?`;
/** The passive of an appointment: "was named", "has been appointed". */
const APPOINTED = '(?:was|has\\sbeen|had\\sbeen|is\\sbeing|will\\sbe)\\s(?:named|appointed|promoted|elected|made)\\b';
const PATTERNS: {
  pattern: RegExp;
  name: number;
  title: number;
  /** The group of the organisation owning the title; of several, the first the sentence fills. */
  org?: number | number[];
  /** The title group names what the person heads: "Head of" it. */
  head?: boolean;
  /** A second person the same title is stated of. */
  also?: number;
  /** The title follows the name after a comma, so a name right after the title may be the one it is stated of. */
  apposition?: boolean;
  /** An appointment: the organisation that makes it (the clause's subject) owns the title it gives. */
  appointment?: boolean;
}[] = [
  // "Jane Doe, Acme's co-founder and CEO", "Jane Doe, the company's president"
  {
    pattern: new RegExp(
      `${N},\\s(?:who\\s(?:is|serves\\sas)\\s)?(?:an?\\s)?${POSSESSIVE}?(?:new(?:ly\\sappointed)?\\s|current\\s)?${T}`,
      U,
    ),
    name: 1,
    org: 2,
    title: 3,
    apposition: true,
  },
  // "Jane Doe is the founder, CEO and Chief Investment Officer of Acme", "Jane Doe has been named CFO"
  {
    pattern: new RegExp(
      `${N}(?:,\\s[^,]{3,100},)?,?\\s(?:also\\s|now\\s|currently\\s)?(?:is|was|will\\sbe|is\\snow|(?:is|was)\\s(?:also|still)|serves\\sas|has\\sserved\\sas|will\\sserve\\sas|became|becomes|will\\sbecome|has\\sbeen\\s(?:named|appointed|promoted\\sto|elected|installed)|was\\s(?:named|appointed|promoted\\sto|elected|installed)|will\\sbe\\s(?:named|appointed)|remains|continues\\sas|(?:will\\s)?(?:take|takes)\\sover\\sas|(?:will\\s|has\\s)?(?:take|takes|took|taken|step|steps|stepped)\\s(?:on|into|up\\sto|over)\\sthe\\s(?:new\\s)?(?:role|position|post|title)\\sof|holds?\\sthe\\s(?:rank|title|position|role)\\sof|(?:has\\s|had\\s)?(?:took|taken)\\sover\\sas|(?:has\\s)?(?:takes|took|taken)\\sup\\s(?:his|her|their|the)\\s(?:new\\s)?(?:role|position|post)\\sas|steps?\\sin\\sas|stepped\\sin\\sas)\\s(?:as\\s)?${POSSESSIVE}?(?:an?\\s)?(?:new\\s|current\\s|first\\s)?${T}`,
      U,
    ),
    name: 1,
    org: 2,
    title: 3,
  },
  // "Jane Doe will join the company on October 1 as its CFO", "John Roe came aboard as COO": the organisation
  // joined owns the title ("joined Initech as CFO in 2019" is Initech's).
  {
    pattern: new RegExp(
      `${N}(?:,\\s[^,]{3,100},)?\\s(?:has\\s|had\\s|will\\s|is\\s|to\\s)?(?:join|joins|joined|joining|came\\saboard|comes\\saboard|come\\saboard)(?:\\sthe\\s(?:firm|company|team|business)|\\s${ORG})?(?:\\s(?:on|in|from|this|next|last|effective)\\s[^,.;⟦]{1,25}?)?\\sas\\s(?:(?:its|the|their)\\s|${ORG}['’]s?\\s)?(?:an?\\s)?(?:new\\s|first\\s)?${T}`,
      U,
    ),
    name: 1,
    org: [2, 3],
    title: 4,
  },
  // "... Jane Doe as chief executive and John Roe as chief operating officer": the second of an appointment pair.
  {
    pattern: new RegExp(
      `\\sas\\s(?:its\\s|the\\s)?(?:new\\s)?${T}\\sand\\s${N}\\sas\\s(?:its\\s|the\\s)?(?:new\\s)?${T}`,
      U,
    ),
    name: 2,
    title: 3,
  },
  // "Acme appointed Jane Doe as Chief Financial Officer", "the appointment of Jane Doe as its new CFO"
  {
    pattern: new RegExp(
      `(?:appoint(?:s|ed|ing)?|appointment\\sof|list(?:s|ed)?|nam(?:es|ed|ing)|hir(?:es|ed|ing)|promot(?:es|ed|ing)|welcom(?:es|ed|ing)|tap(?:s|ped)|elevat(?:es|ed)|select(?:s|ed)|elect(?:s|ed))\\s${DESCRIBED_HIRE}${N}${AGE}\\s(?:as|to(?:\\sthe\\s(?:role|position|post)\\sof)?|to\\sbe)\\s${POSSESSIVE}?(?:new\\s)?${T}`,
      U,
    ),
    name: 1,
    org: 2,
    title: 3,
    appointment: true,
  },
  // "Jane Doe is a computer scientist, professor and Acme chief AI officer": the last of what she is, at Acme.
  {
    pattern: new RegExp(`${N}\\s(?:is|was)\\s(?:an?\\s)?[^.;⟦]{0,80}?(?:,\\s|\\sand\\s)${ORG}\\s${T}`, U),
    name: 1,
    org: 2,
    title: 3,
  },
  // "a new Central Engineering Group led by Jane Doe", "its credit strategy is now headed by both A, who ..., and
  // former Initech executive B": they head it.
  {
    pattern: new RegExp(
      `${LED_UNIT}${N}(?:,\\s[^,;⟦]{0,80},)?(?:\\s(?:and|as\\swell\\sas)\\s(?:former\\s(?:[\\p{L}&.'’-]+\\s){1,4}?)?${N})?`,
      U,
    ),
    name: 2,
    also: 3,
    title: 1,
    head: true,
  },
  // "Jane Doe (CEO)"
  { pattern: new RegExp(`${N}\\s\\(${T}[^)]*\\)`, U), name: 1, title: 2 },
  // "Jane Doe Chief Technology Officer at Acme said" (the comma left out): only with the organisation named.
  { pattern: new RegExp(`${N}\\s${T}(?=\\s(?:at|of)\\s)`, U), name: 1, title: 2 },
  // "Jane Doe, an Acme vice president", "Jane Doe, one of the firm's three founding partners", "one of several partners"
  { pattern: new RegExp(`${N},\\s(?:an?|the)\\s${ORG}\\s(?:new\\s|current\\s)?${T}`, U), name: 1, org: 2, title: 3 },
  { pattern: new RegExp(`${N},\\sone\\sof\\s${POSSESSIVE}?(?:[\\w-]+\\s)?${T}`, U), name: 1, org: 2, title: 3 },
  // "Acme's chief strategy officer, Jane Doe, says" (not "the Austin company's founders, A and B": which company?)
  // "Acme's CFO, Jane Doe, was named interim CEO": the title set before the appointment is the one she leaves.
  {
    pattern: new RegExp(`${ORG}['’]s?\\s${T},\\s${N}(?=,|\\s\\p{Ll})(?!,?\\s${APPOINTED})`, U),
    org: 1,
    title: 2,
    name: 3,
  },
];

/**
 * "A is retiring as CEO and will be succeeded by B", "A, the chief legal officer, has resigned and is being
 * replaced by Uber's B": B takes the title A leaves, the first one the words between them give A.
 */
const SUCCEEDED_BY = new RegExp(
  `${N}([^.;⟦]{0,40}?(?:\\sas|,\\s(?:the|its|our|${ORGANISATION_SHAPE}['’]s?))\\s(?:\\p{Ll}+\\s)?${T}[^.;]{0,120}?)\\s(?:will\\sbe|is\\sbeing|was|has\\sbeen|would\\sbe|to\\sbe)\\s(?:succeeded|replaced)\\sby\\s(?:[\\p{L}'’-]+\\s){0,3}?${N}`,
  U,
);
/** "Chief Executive Officer Jane Doe is retiring and will be succeeded by John Roe": the title before the name. */
const TITLE_SUCCEEDED_BY = new RegExp(
  `${T}\\s${N}[^.;⟦]{0,80}?\\s(?:will\\sbe|is\\sbeing|was|has\\sbeen|would\\sbe|to\\sbe)\\s(?:succeeded|replaced)\\sby\\s(?:[\\p{L}'’-]+\\s){0,3}?${N}`,
  U,
);

/** "CEO Jane Doe said", "Acme co-founder and CEO Jane Doe": checked for the organisation before the title. */
const TITLE_BEFORE_NAME = new RegExp(`${T}\\s${N}`, U);
/** A title set off by commas right after a name: ", owner,", ", the founder,". */
const APPOSED_TITLE = new RegExp(`^,\\s(?:the\\s|its\\s|our\\s)?${TITLE_MARK},`, 'u');
/**
 * "managing directors Greg Goldfarb and Peter Rottier", "Co-founders A, B and C": a plural title before a list.
 * "founders Jane and John Doe": a given name alone before the last name shares its family name.
 */
const TITLE_BEFORE_NAMES = new RegExp(
  `(${TITLE_MARK})\\s((?:${NAME_MARK},\\s)*(?:${NAME_MARK}|\\p{Lu}\\p{Ll}+),?\\sand\\s${NAME_MARK})`,
  U,
);
const SHARED_FAMILY_NAME = /^(\p{Lu}\p{Ll}+),?\sand\s/u;

/** Lines of a team page or a table: "Jane Doe - CEO", "Jane Doe | Chief Executive Officer", "Jane Doe  55  President". */
const SEPARATOR = '(?:\\s*[-–—|:•·,]\\s*|\\t\\s*|\\s{2,})';
const LINE_NAME_TITLE = new RegExp(`^${N}${SEPARATOR}(?:\\d{2}${SEPARATOR})?${T}`, 'u');
/** What may follow a line's title: nothing, or another column ("| Austin", "  2019"). */
const LINE_REST = /^(?:$|(?:\s*[-–—|,;]\s*|\t|\s{2,}).{0,80}$)/u;
const LINE_TITLE_NAME = new RegExp(`^${T}${SEPARATOR}${N}$`, 'u');
const LINE_NAME = new RegExp(`^${N},?$`, 'u');
const LINE_TITLE = new RegExp(`^${T}(?:,?\\s(?:of|at)\\s${ORG})?,?$`, 'u');

const WHOLE_NAME_CELL = new RegExp(`^${NAME_MARK}$`, 'u');
const WHOLE_TITLE_CELL = new RegExp(`^${TITLE_MARK}$`, 'u');

/**
 * A table row of a leadership page or a filing, "Name | Category | Title | ...": a name as the first cell and
 * a title as a whole cell among the next three. Other columns (age, board seats, notes) may say anything.
 */
function tableRow(text: string): { name: string; title: string } | null {
  const cells = text.split(/\s*\|\s*/);
  if (cells.length < 3 || !WHOLE_NAME_CELL.test(cells[0]!)) return null;
  const title = cells.slice(1, 4).find((cell) => WHOLE_TITLE_CELL.test(cell));
  return title ? { name: cells[0]!, title } : null;
}

/** "named Jane Doe, its COO, and John Roe, its CFO, as interim Co-Chief Executive Officers". */
const LIST_AS = new RegExp(
  `(?:nam(?:ed|es)|appoint(?:ed|s))\\s((?:${NAME_MARK},\\s(?:its|the\\scompany['’]s|our)\\s[^,]{2,60},\\s(?:and\\s)?){2,})as\\s(?:its\\s|the\\s)?(?:new\\s)?${T}`,
  U,
);
const LIST_MEMBER = new RegExp(`${N},\\s(?:its|the\\scompany['’]s|our)\\s`, U);
/** "Jane Doe and John Roe, the company's co-founders", "Jane Doe, John Roe and Ann Poe, co-founders of Acme". */
const NAMES_THEN_TITLE = new RegExp(
  `((?:${NAME_MARK},\\s)*${NAME_MARK},?\\sand\\s${NAME_MARK}),\\s${POSSESSIVE}?${T}`,
  U,
);
const NAME_IN_LIST = new RegExp(N, U);
/** What a founder may be introduced as ("by game developer, former official A, and AI researcher B"). */
const DESCRIBED = `(?:(?!(?:by|with|from|who|which|led|backed|said|in|at|and|before|after|shortly|soon|until|when|while|as|than|then|to|joined|joining)\\b)[\\p{L}'’-]+\\s){0,6}`;
/** A founder's name, not an organisation a founder came from ("Andy Lapsa, formerly of Blue Origin"). */
const FOUNDER_MARK = `(?<!\\b(?:of|at|for|from)\\s)${NAME_MARK}`;
const FOUNDER = `${DESCRIBED}${FOUNDER_MARK}(?:,\\s(?:formerly\\s|previously\\s)?(?:of|at|from)\\s${NAME_MARK})?`;
/** A name in a list, but not an organisation someone in it came from. */
const PERSON_IN_LIST = new RegExp(`(${FOUNDER_MARK})`, U);
/** "Founded in 2019 by A, B and C", "Acme was co-founded by A and B": founders, of whatever the clause is about. */
const FOUNDED_BY = new RegExp(
  `(?:[Ff]ounded|[Cc]o-founded|[Ss]tarted|[Ee]stablished)(?:\\s(?:in\\s)?[^,;]{0,30}?)?\\sby\\s(?:[^;.⟦]{0,80}?\\sincluding\\s)?((?:${DESCRIBED}[\\p{L}'’-]+,\\s)?${FOUNDER}(?:,?\\s(?:and\\s)?${FOUNDER}){0,5})`,
  U,
);
/** "The Acme founding management group includes Simon, A, B and C": founders too (a bare surname is skipped). */
const FOUNDING_GROUP = new RegExp(
  `\\bfounding\\s(?:management\\s|leadership\\s)?(?:team|group)\\s(?:includes|included|is|was|comprises|comprised|consists\\sof)\\s((?:(?:${NAME_MARK}|\\p{Lu}[\\p{L}'’-]+),\\s)*(?:${NAME_MARK}|\\p{Lu}[\\p{L}'’-]+),?\\sand\\s${NAME_MARK})`,
  U,
);
/** What a founding clause may be about when it does not name the target: the page's subject. */
const SUBJECT_BEFORE_FOUNDED = /(?:^|\b(?:company|startup|firm|business|it|which)(?:,|\s(?:was|is))?|^[^,]{0,3})$/i;

/**
 * Departures: "Jane Doe stepped down as CEO", "former CEO Jane Doe", "replacing interim CEO Jane Doe", "Jane
 * Doe, who previously served as ...". Groups: `name`, and `title` where the sentence names the role left.
 */
const NAME_G = `(?<name>${NAME_MARK})`;
const TITLE_G = `(?<title>${TITLE_MARK})`;
/** A second person the same departure is said of ("replacing interim co-CEOs A and B"). */
const ALSO_G = `(?:,?\\sand\\s(?<also>${NAME_MARK}))?`;
const DEPARTED = [
  `${NAME_G}(?:,\\s(?:who\\s[^,]{0,160}|[^,]{0,80}),)?\\s(?:has\\s|had\\s|will\\s|would\\s|is\\s|plans\\sto\\s)?(?:also\\s)?(?:announced\\s(?:his|her|their)\\s(?:intention\\sto\\s)?)?(?:step(?:ped|s|ping)?\\sdown|resign(?:ed|s|ing|ation)?|retir(?:ed|es|ing|e|ement)|depart(?:ed|s|ing|ure)?|left\\s(?:the\\scompany|(?<org>${ORGANISATION_SHAPE}))|left(?=\\s(?:last|earlier|in\\s\\d{4}|this|to)\\b)|leav(?:es|ing)|exit(?:ed|s)?|was\\s(?:ousted|fired|dismissed|removed)|step(?:ped|s)?\\s(?:aside|away)|eased\\s(?:himself|herself|themselves)\\sout|hand(?:ed|s)?\\s(?:over|the\\sbaton))(?:\\s(?:as|from\\s(?:his|her|their|the)\\s(?:role|position|post)\\sas)\\s(?:its\\s|the\\s)?${TITLE_G})?`,
  `(?:[Ff]ormer|(?<!\\p{L})[Ee]x(?:-|(?=\\s))|[Oo]utgoing|[Dd]eparting|[Tt]hen-|[Pp]revious|[Rr]etired|[Rr]etiring)\\s?(?:(?<org>${ORGANISATION_SHAPE})\\s)?${TITLE_G}\\s${NAME_G}${ALSO_G}`,
  `${NAME_G},\\s(?:the\\s|a\\s|its\\s)?(?:company['’]s\\s|(?<org>${ORGANISATION_SHAPE})['’]s\\s)?(?:former|outgoing|departing|retiring|previous)\\s${TITLE_G}`,
  // "Jane Doe, a co-founder of Acme and its former CEO": what she still is comes first, what she left after "and".
  `${NAME_G},\\s(?:the\\s|an?\\s)?${TITLE_MARK}(?:\\s(?:of|at)\\s(?<org>${ORGANISATION_SHAPE}))?,?\\sand\\s(?:its\\s|the\\s)?(?:former|ex-|previous)\\s?${TITLE_G}`,
  // "Jane Doe, Acme's CEO who stepped down in May, ...": the title set beside the name is the one she left.
  `${NAME_G},\\s(?:the\\s|its\\s)?(?:company['’]s\\s|(?<org>${ORGANISATION_SHAPE})['’]s?\\s)?${TITLE_G},?\\swho\\s(?:has\\s|had\\s)?(?:recently\\s|abruptly\\s)?(?:stepped\\sdown|resigned|retired|left|departed|quit|was\\s(?:ousted|fired|dismissed|removed))\\b`,
  // "Jane Doe, who previously served as CFO" ("who previously helped build Kinect" says nothing of a title)
  `${NAME_G},\\swho\\s(?:had\\s)?(?:previously|formerly|until\\s[^,]{1,30})\\s(?:served|was|held|worked|been|acted)\\b`,
  // "Jane Doe is chairman of the board, the company's founder, and its former CEO"
  `${NAME_G}\\s(?:is|was)\\s[^.;]{0,120}?\\s(?:its|the\\scompany['’]s)\\sformer\\s${TITLE_G}`,
  `(?:departure|exit|retirement|resignation|ouster)\\sof\\s(?:(?:its|the\\scompany['’]s)\\s)?(?:${TITLE_G}\\s)?${NAME_G}`,
  `${NAME_G}\\s(?:was|is|will\\sbe)\\s(?:succeeded|replaced)\\sby`,
  // "succeeds Jane Doe, the company's interim CEO, who returns to her role as COO": she leaves that title only.
  `(?:succeed(?:s|ed|ing)?|replac(?:es|ed|ing|e))\\s${NAME_G},\\s(?:(?:the\\s)?(?:company|firm)['’]s\\s|(?<org>${ORGANISATION_SHAPE})['’]s?\\s|(?:the|its|our|their)\\s)?${TITLE_G}`,
  // "B has been named chief executive, replacing A": A leaves the title B takes.
  `\\s(?:named|appointed|promoted\\sto|elected)\\s(?:as\\s)?(?:the\\s|its\\s)?(?:new\\s)?${TITLE_G},?\\s(?:replacing|succeeding)\\s${NAME_G}`,
  `(?:succeed(?:s|ed|ing)?|replac(?:es|ed|ing|e))\\s(?:${TITLE_G}\\s)?${NAME_G}${ALSO_G}(?!,\\s${POSSESSIVE}?${TITLE_MARK})`,
  ...OTHER_LANGUAGES.departed,
].map((source) => new RegExp(source, U));

/** "A, who moves to a non-executive chairman role", "A, who goes back to his earlier role as COO": the title A holds after leaving one. */
const NEW_ROLE = new RegExp(
  `${N}(?:,\\s[^,]{0,60})?,\\swho\\s(?:(?:will\\s)?(?:move|moves|moved|transitions?|return|returns|returned|go\\sback|goes\\sback|went\\sback|become|becomes|became))\\s(?:to\\s)?(?:(?:his|her|their|a|an|the)\\s)?(?:earlier\\s|previous\\s|former\\s|new\\s)?(?:(?:role|post|position)\\s(?:as|of)\\s(?:an?\\s)?)?${T}`,
  U,
);

/** The organisation the words after a title give it: "of the company", "at Initech", or the target after a comma. */
function ownerAfter(rest: string, target: CompanyTarget): string | undefined {
  if (OF_SELF.test(rest)) return 'the company';
  const of = OF_DIVISION.test(rest) ? undefined : OF_ORGANISATION.exec(rest)?.[1];
  // "general manager for the U.S.": a territory the title covers, not another organisation owning it.
  if (of && !REGION.test(of)) return of;
  // "promoted to president, Acme, responsible for ...": the target named after a comma owns the title.
  const named = COMMA_ORGANISATION.exec(rest)?.[1];
  return named && isTargetOrganisation(named, target) ? named : undefined;
}

function statementFor(
  name: string,
  title: string,
  org: string | undefined,
  rest: string,
  target: CompanyTarget,
): PersonStatement | null {
  if (!isNameLike(name)) return null;
  const owner = org ?? ownerAfter(rest, target);
  if (owner && !isTargetOrganisation(owner, target)) return null;
  // "a partner at the firm" names no one: the firm is whichever organisation the sentence is about, which only
  // the other organisations it names can settle (PersonStatement.namedBesides).
  const explicit = owner !== undefined && (org !== undefined || !OF_SELF.test(rest));
  return { name: name.trim(), title: singularTitle(title), status: 'holds', explicit };
}

/**
 * The organisation named right before a title ("Acme CEO Jane Doe", "Glenview CEO Larry Robbins"), in shape
 * space: undefined when none is named, null when the title is a former one. A word that opens sentences and
 * clauses ("After CEO Jane Doe ...", SENTENCE_WORD) is no organisation.
 */
function organisationBefore(shape: Shape, index: number): string | undefined | null {
  const before = shape.text.slice(Math.max(0, index - 60), index);
  if (/(?:former|(?<!\p{L})ex-?|outgoing|then-|previous|retired)\s?$/iu.test(before)) return null;
  // "ASML is investing in Acme, and its Chief Financial Officer Roger Dassen": "its" is the sentence's subject,
  // the first organisation it names.
  if (/\b(?:its|their)\s$/.test(before)) {
    return [...shape.text.slice(0, index).matchAll(ORGANISATION_ANYWHERE)]
      .map((o) => o[1]!)
      .find((o) => !SENTENCE_WORD.test(o));
  }
  // "Acme, whose founders Jane and John Doe ...": the title is Acme's.
  const whose = WHOSE_BEFORE.exec(before);
  if (whose) return unshape(shape, whose[1]!);
  const m = ORGANISATION_BEFORE.exec(before);
  const org = m ? unshape(shape, m[1]!) : undefined;
  if (!m || !org || SENTENCE_WORD.test(org)) return undefined;
  return org;
}

/** The organisation right before an appointment's verb, its subject: "Security company F5 named", "Acme has appointed". */
const APPOINTER = new RegExp(
  `(?:^|[\\s,(])(${ORGANISATION_SHAPE})(?:\\s(?:Inc\\.|Corp\\.|Ltd\\.))?(?:\\s(?:has|have|had|also|today|recently|now|on\\s\\p{Lu}\\p{Ll}+))*\\s$`,
  'u',
);

/** A board or committee appoints for the company it governs. */
const BOARD_WORD = /^(?:Board|Directors|Committee|Shareholders|Stockholders)$/;
const LEGAL_FORM =
  /,?\s(?:N\.?V\.?|B\.?V\.?|SE|S\.?p\.?A\.?|AB|ASA|Oyj|AG|S\.?A\.?|plc|PLC|Inc\.?|Corp\.?|Ltd\.?|Limited|LLC|GmbH)$/u;

/**
 * Who makes the appointment a match starts at, when the clause names an organisation as its subject (a person's
 * name is none): the target when it is, another organisation (`other`) only when the subject shares no word with
 * the target's names ("Microsoft-backed Acme", "the Board of Directors of Acme" are Acme's own appointments).
 */
function appointer(shape: Shape, index: number, target: CompanyTarget): { owner?: string; other?: true } {
  const subject = appointingOrganisation(shape, index);
  if (subject === undefined) return {};
  if (isTargetOrganisation(subject, target)) return { owner: subject };
  const own = targetNameWords(target);
  return normaliseKey(subject)
    .split(/[\s-]/)
    .some((word) => own.has(word))
    ? {}
    : { other: true };
}

function appointingOrganisation(shape: Shape, index: number): string | undefined {
  const before = shape.text.slice(0, index);
  const clause = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('; ')) + 1);
  const subject = APPOINTER.exec(clause)?.[1];
  if (!subject || new RegExp(`^${NAME_MARK}$`, 'u').test(subject)) return undefined;
  // "Galapagos NV has appointed": a legal form of any country is no part of which company it is.
  const organisation = unshape(shape, subject).replace(LEGAL_FORM, '');
  const first = organisation.split(' ')[0]!;
  return SENTENCE_WORD.test(first) || CALENDAR_WORD.test(first) || BOARD_WORD.test(first) ? undefined : organisation;
}

/** "At Blackstone, the industry's emperor, co-founder Steve Schwarzman ...": a sentence set at an organisation. */
const SET_AT = new RegExp(`^(?:At|Over\\sat|Inside)\\s(${ORGANISATION_SHAPE}),`, 'u');

/** People one unit (a sentence or a line) states as holding or having left a title at the target. */
export function personStatements(unit: string, target: CompanyTarget): PersonStatement[] {
  return statementsOf(shapeOf(unit), target);
}

function statementsOf(shape: Shape, target: CompanyTarget): PersonStatement[] {
  const text = shape.text;
  if (shape.names.length === 0) return [];
  const words = (part: string | undefined) => (part === undefined ? undefined : unshape(shape, part));
  const after = (m: RegExpExecArray) => unshape(shape, text.slice(m.index + m[0].length));
  const found: PersonStatement[] = [];
  // A sentence set at another organisation gives it every title no other owner is named for.
  const setAt = words(SET_AT.exec(text)?.[1]);
  const elsewhere = setAt !== undefined && !isTargetOrganisation(setAt, target);
  const add = (statement: PersonStatement | null) => {
    if (statement && elsewhere && statement.status === 'holds' && !statement.explicit) return;
    if (!statement) return;
    const same = found.findIndex((s) => s.name === statement.name && s.status === statement.status);
    if (same < 0) found.push(statement);
    // "Jane Doe, Partner, Acme, said": a line's "name, title" reading names no owner; the apposition does.
    else if (statement.explicit && !found[same]!.explicit) found[same] = statement;
  };
  // A person named in a list ("A, B and C") with the list's other names.
  const listed = (statement: PersonStatement | null, list: string | undefined) => {
    if (!statement || list === undefined) return statement;
    const others = [...list.matchAll(PERSON_IN_LIST)].map((member) => words(member[1])!.trim());
    return { ...statement, listedWith: others.filter((name) => name !== statement.name) };
  };
  const holds = (
    name: string | undefined,
    title: string | undefined,
    org: string | undefined,
    rest: string,
    list?: string,
  ) => add(listed(statementFor(words(name)!, words(title)!, words(org), rest, target), list));
  for (const pattern of DEPARTED) {
    for (const m of text.matchAll(pattern)) {
      const { name, title, also, org } = m.groups!;
      // "named CEO, replacing A" already said which title A leaves: "replacing A" says no more.
      if (!title && found.some((s) => s.status === 'departed' && s.title && s.name === words(name)!.trim())) continue;
      // "a former DeepMind researcher", "former Google CEO Eric Schmidt": a past at another organisation.
      // "left as CEO of Initech"; without a title, "out of the CEO seat" names no organisation.
      const owner = words(org) ?? (title ? OF_ORGANISATION.exec(after(m))?.[1] : undefined);
      if (owner && !isTargetOrganisation(owner, target)) continue;
      for (const person of [name, also]) {
        if (person)
          found.push({
            name: words(person)!.trim(),
            title: title ? singularTitle(words(title)!) : null,
            status: 'departed',
            explicit: false,
          });
      }
    }
  }
  const line = LINE_NAME_TITLE.exec(text);
  if (line && LINE_REST.test(text.slice(line[0].length))) holds(line[1], line[2], undefined, '');
  const reversed = LINE_TITLE_NAME.exec(text);
  if (reversed) holds(reversed[2], reversed[1], undefined, '');
  const row = tableRow(text);
  if (row) holds(row.name, row.title, undefined, '');
  for (const m of text.matchAll(LIST_AS)) {
    for (const member of m[1]!.matchAll(LIST_MEMBER)) holds(member[1], m[2], undefined, after(m));
  }
  for (const m of text.matchAll(NAMES_THEN_TITLE)) {
    // "A and B, the president and co-owner": a title in the singular is the nearer person's only.
    const members = [...m[1]!.matchAll(NAME_IN_LIST)];
    const holders = isPluralTitle(words(m[3])!) ? members : members.slice(-1);
    for (const member of holders) holds(member[1], m[3], m[2], after(m), m[1]);
  }
  for (const m of [...text.matchAll(FOUNDED_BY), ...text.matchAll(FOUNDING_GROUP)]) {
    const before = unshape(shape, text.slice(0, m.index));
    const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('. ')) + 1);
    if (
      ![target.name, ...target.aliases].some((name) => clause.includes(name)) &&
      !SUBJECT_BEFORE_FOUNDED.test(clause.trim())
    )
      continue;
    const people = [...m[1]!.matchAll(PERSON_IN_LIST)].map((member) => member[1]!);
    for (const person of people)
      add(
        listed(
          statementFor(words(person)!, people.length > 1 ? 'Co-founder' : 'Founder', 'the company', '', target),
          m[1],
        ),
      );
  }
  for (const { pattern, name, title, org, head, also, apposition, appointment } of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      if (apposition && titleOfNextPerson(shape, text.slice(m.index + m[0].length), target)) continue;
      // "Security company F5 named Jane Doe as its new CTO": F5's CTO, whatever organisation the page is about.
      const owner = [org ?? []].flat().find((group) => m[group] !== undefined);
      const subject = appointment && owner === undefined ? appointer(shape, m.index, target) : {};
      if (subject.other) continue;
      const stated = head ? `Head of ${words(m[title])!.trim()}` : m[title];
      for (const person of [m[name], also ? m[also] : undefined])
        if (person) holds(person, stated, owner === undefined ? subject.owner : m[owner], after(m));
    }
  }
  for (const h of OTHER_LANGUAGES.holdings(text, (part) => unshape(shape, part)))
    holds(h.name, h.title, h.org, unshape(shape, text.slice(h.end)), h.list);
  for (const m of text.matchAll(TITLE_BEFORE_NAMES)) {
    const owner = organisationBefore(shape, m.index);
    // Only a plural title ("managing directors") is every listed person's.
    if (owner === null || !isPluralTitle(words(m[1])!)) continue;
    const members = [...m[2]!.matchAll(NAME_IN_LIST)].map((member) => words(member[1])!);
    const given = SHARED_FAMILY_NAME.exec(m[2]!)?.[1];
    if (given) members.unshift(`${given} ${members[0]!.split(' ').slice(1).join(' ')}`);
    for (const member of members) {
      const statement = statementFor(member, words(m[1])!, owner, after(m), target);
      add(statement && { ...statement, listedWith: members.filter((other) => other !== statement.name) });
    }
  }
  for (const m of text.matchAll(TITLE_BEFORE_NAME)) {
    const owner = organisationBefore(shape, m.index);
    if (owner === null) continue;
    const statement = statementFor(words(m[2])!, words(m[1])!, owner, after(m), target);
    // "CEO Jane Doe, owner, says": the title before the name and the one set off after it are both hers.
    const described = found.find((s) => s.name === statement?.name && s.status === 'holds');
    if (statement && described && !described.explicit && APPOSED_TITLE.test(text.slice(m.index + m[0].length)))
      described.title = `${statement.title} and ${described.title}`;
    else add(statement);
  }
  // Inferred last: a title the sentence gives the successor outright comes first.
  for (const m of text.matchAll(SUCCEEDED_BY)) {
    const titleEnd = m.index + m[0].indexOf(m[3]!) + m[3]!.length;
    const successor = statementFor(words(m[4])!, words(m[3])!, undefined, unshape(shape, text.slice(titleEnd)), target);
    add(successor && { ...successor, inferred: true });
  }
  for (const m of text.matchAll(TITLE_SUCCEEDED_BY)) {
    const owner = organisationBefore(shape, m.index);
    if (owner === null) continue;
    const titleEnd = m.index + m[1]!.length;
    const successor = statementFor(words(m[3])!, words(m[1])!, owner, unshape(shape, text.slice(titleEnd)), target);
    add(successor && { ...successor, inferred: true });
  }
  // Said after the departure, the role a person moves to is held, whatever the same sentence says they left.
  const moved = new Set<PersonStatement>();
  for (const m of text.matchAll(NEW_ROLE)) {
    const statement = statementFor(words(m[1])!, words(m[2])!, undefined, after(m), target);
    if (statement) {
      found.push(statement);
      moved.add(statement);
    }
  }
  const departed = new Set(found.filter((s) => s.status === 'departed').map((s) => s.name));
  // Only a title any organisation has (or a bare founder's), held without the target named, needs to know who else
  // the sentence names.
  const besides = found.some(
    (s) => s.status === 'holds' && !s.explicit && (needsOwner(s.title) || isFounderOnly(s.title)),
  )
    ? namedBesides(shape, found, target)
    : undefined;
  return found
    .filter((s) => s.status === 'departed' || moved.has(s) || !departed.has(s.name))
    .map((s) => (besides ? { ...s, namedBesides: besides } : s));
}

/**
 * "Fleet Weekly, the company's CEO Amit Shah said": a title right before a person's name is that person's, not the
 * name before the comma's (a name right after it that is the target, "... Strategy Slingshot Aerospace", is not).
 */
function titleOfNextPerson(shape: Shape, shapedRest: string, target: CompanyTarget): boolean {
  const next = NEXT_NAME.exec(shapedRest)?.[1];
  return next !== undefined && !isTargetOrganisation(unshape(shape, next), target);
}
const NEXT_NAME = new RegExp(`^\\s(${NAME_MARK})`, 'u');

/** A byline's author speaking of themself: "I'm the General Counsel at Acme, and ...". */
const FIRST_PERSON = new RegExp(`^(?:I['’]m|I\\sam)\\s(?:the\\s|an?\\s)?${T}`, 'u');

/**
 * A statement of a page: from its unit at `index`, or (`pair`) from that unit and the next, a team page's name and
 * title lines, or (`pronoun`) the next unit's, whose pronoun stands for the one person this unit names.
 */
export interface PageStatement {
  statement: PersonStatement;
  index: number;
  pair: boolean;
  pronoun?: boolean;
}

/** A sentence opening with a person's pronoun: "She is also ...", "Er übernimmt ...", "Ele assume ...". */
const OPENING_PRONOUN = /^(?:He|She|Er|Sie|Hij|Zij|Il|Elle|Ele|Ela)\s(?=\p{Ll})/u;

/** What a page's units say about people, each unit marked once: per unit, and per name line followed by its title line. */
export function pageStatements(units: string[], target: CompanyTarget): PageStatement[] {
  const shapes = units.map(shapeOf);
  const found: PageStatement[] = shapes.flatMap((shape, index) =>
    statementsOf(shape, target).map((statement) => ({ statement, index, pair: false })),
  );
  for (let i = 0; i + 1 < shapes.length; i++) {
    // "Jane Doe leads development. She also takes the role of chief scientific officer.": the one person named before.
    const people = new Set(
      shapes[i]!.names.map((n) => n.trim()).filter((n) => isNameLike(n) && !isTargetOrganisation(n, target)),
    );
    // "unter der Leitung von Martin Holst Lange": a name read across a lower-case particle may have taken in a noun.
    const one = people.size === 1 && ![...people].some((n) => /\s\p{Ll}+\s/u.test(n));
    if (one && OPENING_PRONOUN.test(units[i + 1]!)) {
      const resolved = shapeOf(units[i + 1]!.replace(OPENING_PRONOUN, `${[...people][0]} `));
      for (const statement of statementsOf(resolved, target))
        // Only a title the sentence ties to the company: "He was VP", "He is co-founder & CEO" may be of any time or firm.
        if (statement.status === 'holds' && statement.explicit)
          found.push({ statement, index: i, pair: true, pronoun: true });
    }
    const name = LINE_NAME.exec(shapes[i]!.text)?.[1];
    const byline = name && FIRST_PERSON.exec(shapes[i + 1]!.text);
    if (byline) {
      const next = shapes[i + 1]!;
      const rest = unshape(next, next.text.slice(byline[0].length));
      const statement = statementFor(unshape(shapes[i]!, name), unshape(next, byline[1]!), undefined, rest, target);
      if (statement?.explicit) found.push({ statement, index: i, pair: true });
    }
    const title = LINE_TITLE.exec(shapes[i + 1]!.text);
    if (!name || !title) continue;
    const org = title[2] ? unshape(shapes[i + 1]!, title[2]) : undefined;
    const statement = statementFor(unshape(shapes[i]!, name), unshape(shapes[i + 1]!, title[1]!), org, '', target);
    if (statement) found.push({ statement, index: i, pair: true });
  }
  return found;
}
