import type { CompanyTarget } from '../component';
import { escapeRegExp } from '../text';

/** A company kind after a description: "the payments group", "an American space launch company". */
const KIND =
  '(company|companies|firm|provider|maker|manufacturer|developer|business|platform|group|insurer|bank|lender|startup|start-up|unicorn|retailer|chain|operator|carrier|airline|manager|investor|specialist|giant|organization|organisation|app|VC)';
/** The corporate word a page may add to the target's name ("Stoke Space Technologies"). */
const CORPORATE_WORD =
  '(?:\\s(?:Technologies|Industries|Inc\\.?|Corp\\.?|Corporation|Holdings|Group|Ltd\\.?|LLC|AG|SE|N\\.V\\.|plc))';

/** A place standing before the name as where it is based: "Chicago-based", "Reston, Va.-based". */
const PLACE_BASED = "[A-Z][\\w.'’]+(?: [A-Z][\\w.'’]+){0,2}(?:, [A-Z][\\w.]+)?-based";

/** Where a sentence's names of the target stand once marked: one character no page text holds. */
const MARK = '\uE000';

/** The overview's patterns that hold the target's name, with their match as `RegExp.exec` gives it. */
export interface NamePattern {
  exec(sentence: string): RegExpExecArray | null;
}

export interface NamePatterns {
  /** "Acme is a robotics company": the words before the kind. */
  isA: NamePattern;
  /** "Acme, a robotics company based in Denver, raised ...": the kind of company only. */
  appositive: NamePattern;
  /** "Israeli cybersecurity giant Check Point": the words before the kind. */
  descriptor: NamePattern;
  /** A ratings notice or a release: "Acme Insurance (AI) (San Francisco, CA)". */
  placeAfterName: NamePattern;
  /** "Munich-based Helsing", "the San Francisco-based company". */
  placeBased: NamePattern;
  /** "Salem, Ohio's Hickey Metal Fabrication". */
  placeOwning: NamePattern;
  /** A news report's "Anduril Industries in Costa Mesa has closed ...": the town the company is in. */
  placeIn: NamePattern;
  /** "Belgian biotech Galapagos", "London fintech Monzo": a sector's noun standing before the name as its kind. */
  sectorNoun: NamePattern;
  /** "investors have backed Acme since it began in 2017": the year "it", the company just named, began. */
  sinceItBegan: NamePattern;
  /** "Since 1955, Acme has provided ...": a year the company has done something since, maybe its first. */
  sinceYear: NamePattern;
}

/**
 * The patterns' sources around a slot for the target's name: `subject` is the name with its corporate word,
 * `wordSubject` the same starting a word, `subjectEnd` the same ending one, `notSubject` a lookahead that it
 * does not come next.
 */
function sources(slot: { subject: string; wordSubject: string; subjectEnd: string; notSubject: string }) {
  const { subject, wordSubject, subjectEnd, notSubject } = slot;
  // What may follow the name before its description: a mark, a ticker or another name in brackets ("LiveRamp® (NYSE: RAMP)").
  const afterName = `[®™]?(?: \\([^)]{1,40}\\))?`;
  return {
    // The name may follow an opening "Today" or its place ("Chicago-based Acme is a provider of ..."), and up to
    // three asides ("Acme, Inc., later Beta, Inc., was an American computer company"); a defunct company "was" one.
    // The words before the kind may be none: "is a provider of press releases" (the maker's object says what it does).
    isA: {
      source: `^(?:(?:Today|Now|Currently),? )?(?:${PLACE_BASED} )?${subject}${afterName}(?:(?:,[^,]+){1,3},)? (?:is|are|was|were) (?:an?|the) (?:([^.]+?) )?${KIND}\\b`,
      folded: true,
    },
    // The words may hold no comma but after a company's age or town ("Acme, a 13-year-old, Shanghai, China-based
    // biotech firm"), so "Acme, the Austin, Texas software company" (town and state in the words) gives nothing; a
    // full stop inside a word stays ("a Reston, Va.-based satellite company").
    appositive: {
      source: `${wordSubject}${afterName}, (?:an?|the|one of the) (?:(?:\\d+-year-old|[A-Z][\\w.'’]*(?: [A-Z][\\w.'’]*)*), ){0,2}((?:[^,.]|\\.(?=\\S))+?) ${KIND}s?\\b`,
      folded: true,
    },
    descriptor: {
      source: `(?:^|[\\s(])((?:[a-z][\\w-]*\\s){0,3}[a-z][\\w-]*|^[A-Z][a-z-]+(?:\\s[a-z][\\w-]*){0,3}) ${KIND} ${subjectEnd}`,
      folded: false,
    },
    placeAfterName: {
      source: `${wordSubject}(?: \\([A-Z]{2,6}\\))? \\(([A-Z][\\w.'’]+(?: [A-Z][\\w.'’]+){0,2}, (?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?))\\)`,
      folded: false,
    },
    // The place before "-based" of the target, not of the company a kind word goes on to name ("San Francisco-based startup Marble Wallet").
    placeBased: {
      source: `(?:^|[^\\w])([A-Z][\\w.'’]+(?: [A-Z][\\w.'’]+){0,2}(?:, [A-Z][\\w.]+)?)-(?:based|headquartered) (?:${subject}|(?:[\\w-]+ ){0,3}(?:company|firm|startup|start-up|unicorn|insurer|group|bank|business|maker|manufacturer|provider|developer|organization|organisation|lender|retailer|airline)\\b(?! ${notSubject}[A-Z]))`,
      folded: false,
    },
    placeOwning: {
      source: `\\b([A-Z][\\w.'’]+(?: [A-Z][\\w.'’]+){0,2}, [A-Z][\\w.]+(?: [A-Z][\\w.]+)?)['’]s ${subjectEnd}`,
      folded: false,
    },
    // The name opens the clause and a verb follows the town: "Investors in Denver have backed" is not the company in it.
    placeIn: {
      source: `(?:^|[.;:] )${subject} in ([A-Z][\\w.'’]+(?: [A-Z][\\w.'’]+){0,2}) (?:has|have|is|was|were|said|says|announced|raised|closed|won|signed|plans)\\b`,
      folded: false,
    },
    sectorNoun: {
      source: `(?:^|[\\s(])(?:[A-Z][a-z]+\\s)?(biotech|fintech|insurtech|medtech|healthtech|proptech|edtech|agtech|cleantech|regtech|legaltech|biopharma|pharma) ${subjectEnd}`,
      folded: false,
    },
    sinceItBegan: {
      source: `${subjectEnd} since (?:it (?:began|started|was (?:founded|established|set up))|its (?:start|launch|inception)) in ((?:18|19|20)\\d{2})\\b`,
      folded: false,
    },
    sinceYear: { source: `^Since ((?:18|19|20)\\d{2}), ${subject} (?:has|have)\\b`, folded: false },
  } satisfies Record<keyof NamePatterns, { source: string; folded: boolean }>;
}

type Sources = ReturnType<typeof sources>;

/**
 * The patterns with the marked name in the slot, compiled once for every target: a mark stands only where a
 * name starts a word (below), and "\b" after it is the next character not a word character, as after a name
 * ending in one.
 */
const MARKED_SOURCES = sources({
  subject: `${MARK}${CORPORATE_WORD}?`,
  wordSubject: `${MARK}${CORPORATE_WORD}?`,
  subjectEnd: `${MARK}(?:${CORPORATE_WORD}\\b|(?!\\w))`,
  notSubject: `(?!${MARK})`,
});
const MARKED = compiled(MARKED_SOURCES, 'd');

function compiled(all: Sources, flags: string): Record<keyof NamePatterns, RegExp> {
  return Object.fromEntries(
    Object.entries(all).map(([name, { source, folded }]) => [name, new RegExp(source, folded ? `${flags}i` : flags)]),
  ) as Record<keyof NamePatterns, RegExp>;
}

/**
 * A sentence with each name of the target that starts a word replaced by the mark, and where each mark's name
 * was: a match in the marked text is mapped back to the sentence.
 */
class MarkedSentence {
  readonly text: string;
  /** Per mark: its index in `text`, and how many characters longer the name it stands for is. */
  private readonly marks: { at: number; extra: number }[] = [];

  constructor(
    readonly sentence: string,
    names: RegExp,
  ) {
    let shift = 0;
    this.text = sentence.replace(names, (name: string, offset: number) => {
      this.marks.push({ at: offset - shift, extra: name.length - 1 });
      shift += name.length - 1;
      return MARK;
    });
  }

  /** The sentence's index of an index of `text` (a group's end just after a mark takes the whole name). */
  private original(index: number): number {
    let at = index;
    for (const mark of this.marks) if (mark.at < index) at += mark.extra;
    return at;
  }

  /** The match as `exec` on the sentence gives it: groups and index read from the sentence. */
  exec(pattern: RegExp): RegExpExecArray | null {
    const match = pattern.exec(this.text);
    if (!match) return null;
    if (this.marks.length === 0) return match;
    const groups = match.indices!.map((span) =>
      span ? this.sentence.slice(this.original(span[0]), this.original(span[1])) : undefined,
    );
    return Object.assign(groups, { index: this.original(match.index), input: this.sentence }) as RegExpExecArray;
  }
}

/**
 * A name the mark stands for exactly: it starts and ends with a word character (so "\b" around it reads the
 * same on either side of the mark) and holds no full stop, comma or bracket (which the patterns' "[^.]" and
 * the like would not cross in the name but would across its mark).
 */
const MARKABLE = /^\w(?:[^.,()]*\w)?$/;

function markedPatterns(names: string[]): NamePatterns {
  // The longest name first: where a pattern would have tried "Stoke" and then "Stoke Space", a mark stands for one of them only.
  const alternation = [...names]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const exact = new RegExp(`(?<!\\w)(?:${alternation})`, 'g');
  const folded = new RegExp(`(?<!\\w)(?:${alternation})`, 'gi');
  // The patterns are tried on one sentence after another: it is marked once for each kind of match.
  let last: { sentence: string; exact: MarkedSentence; folded?: MarkedSentence } | undefined;
  const marked = (sentence: string, fold: boolean): MarkedSentence => {
    if (last?.sentence !== sentence) last = { sentence, exact: new MarkedSentence(sentence, exact) };
    return fold ? (last.folded ??= new MarkedSentence(sentence, folded)) : last.exact;
  };
  return Object.fromEntries(
    Object.entries(MARKED).map(([key, pattern]) => {
      const fold = MARKED_SOURCES[key as keyof NamePatterns].folded;
      return [key, { exec: (sentence: string) => marked(sentence, fold).exec(pattern) }];
    }),
  ) as unknown as NamePatterns;
}

/** A name the mark cannot stand for: the patterns with the name itself in the slot, compiled for it. */
function namedPatterns(names: string[]): NamePatterns {
  const subject = `(?:${names.map(escapeRegExp).join('|')})${CORPORATE_WORD}?`;
  return compiled(
    sources({ subject, wordSubject: `\\b${subject}`, subjectEnd: `${subject}\\b`, notSubject: `(?!${subject})` }),
    '',
  );
}

/** Lookups of the same names (a cache hit, the overview's second read after a page) reuse their patterns. */
const RECENT = new Map<string, NamePatterns>();
const RECENT_LIMIT = 16;

/**
 * The overview's patterns that hold the target's name. Compiling a pattern costs far more than running it,
 * so the name is not compiled into them: the patterns are compiled once, and each sentence has the target's
 * names marked before they run (a name the mark cannot stand for is compiled in, as before).
 */
export function namePatterns(target: Pick<CompanyTarget, 'name' | 'aliases'>): NamePatterns {
  const names = [target.name, ...target.aliases];
  const key = names.join('\n');
  const known = RECENT.get(key);
  if (known) return known;
  const patterns = names.every((name) => MARKABLE.test(name)) ? markedPatterns(names) : namedPatterns(names);
  if (RECENT.size >= RECENT_LIMIT) RECENT.delete(RECENT.keys().next().value!);
  RECENT.set(key, patterns);
  return patterns;
}
