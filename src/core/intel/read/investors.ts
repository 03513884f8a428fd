import type { CompanyTarget } from '../component';
import { isTargetOrganisation } from './organisations';
import { investedInTarget } from './rounds';

/** Who a sentence says invested in a round: those who led it and the others who took part. */
export interface InvestorMentions {
  leads: string[];
  others: string[];
  /** Whether the sentence names the target itself as an investor ("Greycroft led the round"): the round is another company's. */
  targetInvests: boolean;
}

/** Phrases after which the round's leads are named ("co-led by", "led jointly by", "led by venture firms"). */
const LED_BY = /\b(?:co-led|led|headed|spearheaded|anchored)\s(?:jointly\s|together\s)?by\s/g;
const ROUND_WORD = '(?:round|financing|fund-?raising|fund-?raise|raise|investment|funding)';
/** Phrases after which the other investors are named. */
const JOINED_BY = new RegExp(
  [
    'participation\\s(?:from|of|by)',
    'participating\\sin\\sthe\\s(?:\\w+\\s){0,3}?(?:was|were)',
    'as\\swell\\sas\\s(?=(?:existing|new|other|returning)\\s)',
    // "with investors including A", "backed by big-name investors such as A and B": a sentence's own round's.
    '(?:with|by|from)\\s(?:[\\w-]+\\s){0,2}?(?:investors|backers)\\s(?:including|such\\sas|like)',
    // "Backers include A, B and C" opening a sentence, owned by no one: the backers of the round just told.
    '^(?:Backers|Investors)\\s(?:include|included)',
    // "Other investors include", "Participants included", "investors in the round are": the round's, where
    // "Acme's investors include" names the company's backers of every round.
    `(?:(?:other|new|major)\\s(?:existing\\s)?(?:investors|backers)|participants|(?:investors|backers)\\s(?:in|of|joining|participating\\sin)\\s(?:the|this)\\s[^.;:]{0,30}?${ROUND_WORD}|(?:investors|backers)\\swho\\s[^.;:]{0,20}?participated)\\s(?:include|included|including|are|were|such\\sas)`,
  ]
    .map((p) => `\\b${p}\\s`)
    .join('|'),
  'gi',
);
/**
 * German pages: "Federführend ist A", "angeführt von A", "Angeführt wurde die Runde vom Investor A", "unter der
 * Führung von A"; "wurde von A, B und C angeführt" names the leads before its verb.
 */
const LED_BY_DE =
  /(?:\b[Ff]ederführend\s(?:ist|war|sind|waren)|\b[Aa]ngeführt\s(?:von|vom)|\b[Aa]ngeführt\s(?:wurde|wird)\s[^.;]{0,120}?\s(?:von|vom)|\bunter\s(?:der\s)?(?:Führung|Leitung)\s(?:von|vom|des|der))\s/gu;
const LED_BY_DE_BEFORE =
  /\b(?:wurde|wird|wurden|werden)\s(?:[^.;]{0,40}?\s)?(?:von|vom)\s([^.;]{1,160}?)\s(?:an)?geführt\b/gu;
/** German: "mit Beteiligung von A", "Beteiligt sind außerdem A", "Zu den Investoren gehören A", "ebenso Bestandsinvestoren wie A". */
const JOINED_BY_DE =
  /(?:\bmit\sBeteiligung\s(?:von|vom|der|des)|\b[Bb]eteiligt\s(?:sind|waren|ist|war)(?:\s(?:außerdem|auch|zudem|ebenfalls))?|\b[Zz]u\sden\s(?:\p{L}+\s)?(?:Investoren|Geldgebern|Kapitalgebern)\s(?:gehören|gehörten|zählen|zählten)|\bebenso\s(?:Bestandsinvestoren|Investoren|Geldgeber)\swie|\bunter\sanderem\s(?:vom|von)|\b[Nn]eu\sdabei\s(?:sind|ist|waren|war)|\b(?:Euro|Dollar|US-Dollar|Pfund|Franken)\s(?:vom|von(?:\s(?:der|dem|den))?))\s/gu;
/** German: "Auch A und B beteiligten sich": others named before their verb. */
const TOOK_PART_DE = /\s(?:(?:beteiligten|beteiligte)\ssich|(?:haben|hat)\s(?:ebenfalls\s|auch\s)?nachgelegt)\b/u;
/**
 * German words for who an investor is, before its name: "Wagniskapitalgeber Lakestar", "Spotify-Investor Accel",
 * "Privatbank X", "Family Office 7-Industries", "Deutsche-Bank-Aufsichtsratschef Paul Achleitner".
 */
const DESCRIBED_DE =
  /^(?:[\p{L}-]*Investor(?:en)?|[\p{L}-]+(?:geber|investor|investoren|bank|gesellschafter|chef|chefin|gründer|gründerin)|Family\sOffice)\s(?=[\p{Lu}\d])/u;

/**
 * Words that name others who took part only when they follow a round or its leads ("led by A, alongside B",
 * "a round headed by A that also included B and C", "led by A and included new investors B", "a round featuring
 * B", "B also took part in the round, with C and D").
 */
const ALSO_WITH =
  /\b(?:joined\sby|along\swith|alongside|(?:support|backing|investments?)\sfrom|from\sthe\slikes\sof|(?:that|which|and)\s(?:also\s)?includ(?:ed|es)(?:\s(?:new|existing|other|returning)\sinvestors)?|featuring|(?:participated|took\spart)(?:\sin\sthe\s(?:[\w-]+\s){0,2}?(?:round|financing))?,?\swith)\s/g;
/** "with B and C joining the round", "with existing investors B and C also investing": others named before their verb. */
const WITH_TAKING_PART =
  /\bwith\s((?:(?!\bwith\b)[^.;:]){1,200}?)\s(?:all\s|also\s)?(?:participating|joining|investing|contributing|taking\spart)\b/g;
/**
 * "$550M from A and B", "$50 million in seed funding from A", "$140M Series C from A", "The funding came from A":
 * who the money of the round came from.
 */
const FROM =
  /(?:[$€£]\s?\d[\d.,]*\s?(?:[mb]n?|million|billion)?|\d\s?(?:million|billion|[mb]n?)|round|funding|financing|investment|capital|Series\s[A-K][\w-]*|seed)\s(?:(?:came|comes)\s)?(?:in\s(?:(?:new|seed|equity|venture|debt|growth|fresh)\s)?(?:funding|financing|capital|investment|equity)\s)?from\s/gi;
/** "through a convertible bond agreement with A": who took the bond or the notes is who put the money in. */
const AGREEMENT_WITH =
  /\b(?:bond|bonds|notes?|round|financing|investment|placement)\s(?:purchase\s|subscription\s)?(?:agreement|deal)\swith\s/gi;
/**
 * A filing's placement: "the sale of common stock to A", "placed 1,000,000 new shares of common stock with A",
 * "898,204 shares in aggregate with B and C": who bought the shares put the money in.
 */
const SHARES_TO =
  /\b(?:shares|stock|units)(?:\sof\s(?:its\s|the\sCompany['’]s\s)?(?:common|preferred|ordinary)\s(?:stock|shares))?(?:\sin\saggregate)?\s(?:to|with)\s(?=(?:the\s|its\s)?\p{Lu})/gu;
/**
 * "A, B and C led the round", "A, <who A is>, was leading the round", "A leads €102.5m Series A", "A later led a
 * $10m bridge round", "A and B were the lead financers": leads named before their verb.
 */
const LED_ACTIVE =
  /(?:co-led|led|leads|lead|co-leads|is\sleading|was\sleading|headed|heads|anchored|anchors)\s(?:the\s(?:\w+\s){0,2}?(?:round|financing|investment|raise|funding|fundraise|tranche)\b|(?:(?:a|an|its|the)\s)?[$€£]?[\d.,]+\s?(?:[mb]n?|million|billion)\s(?:[\w-]+\s){0,2}?(?:Series\s[A-K][\w-]*|seed|round|investment|financing))|\b(?:was|were|is|are)\s(?:the\s)?(?:co-)?lead\s(?:investors?|financers?|backers?)\b/;
/** "A and B also participated", "D1 and Coatue were new investors in this round". */
const TOOK_PART =
  /(?:also\s)?(?:participated|(?:took|taken|takes?)\spart|joined\sthe\s(?:round|financing)|joined\sin|put\smoney\s(?:back\s)?in|were\s(?:new\s|existing\s|also\s)*(?:investors|backers|participants)\b)/;
/** "Acme's historic investors (A, B and C) also put money back in": the names are in the parentheses. */
const LISTED_IN_PARENTHESES = /\b(?:investors|backers|shareholders)\s\(([^()]+)\)/;

/** "is investing $30 million in", "has invested €5m into": an investor's money going into a company named next. */
const INVESTS_AMOUNT_IN =
  /\s(?:(?:has|have|had|is|are|was|were|will)\s)?invest(?:s|ed|ing)\s(?:about\s|some\s|nearly\s)?(?:US\$|[$€£₹]|Rs\.?\s?)\s?\d[\d.,]*\s?(?:[mb]n?|million|billion|crore)?(\sin(?:to)?\s)/g;
/** Where a list of names ends: a clause of another kind begins. */
const LIST_END =
  /(?<!\b(?:\p{Lu}|Inc|Co|Corp|Ltd|Jr|Sr|Dr|Mr|Mrs|Ms|Prof|St|No|Bros))\.(?:\s|$)|;|:|\s(?:to|at|which|who|that|bringing|brings|according|for|in\sa|in\sthe|in\sits|as\spart|with\sparticipation|with\s(?:support|backing)|joined\sby|alongside|along\swith|among\sothers|and\sothers|to\sname)\b|,\s(?:with|bringing|valuing|which|according|as\spart|said|the\scompany\ssaid)\b|,\s(?:\p{Lu}[\p{L}.]*\s){1,3}(?:said|says|announced)\b|\s(?:and\s)?(?:also|joined|participated|took|put|invested|led|co-led|were|was|are|is|has|have|had|will|would|included|includes|saw|sees|drew|draws|featured|features|brought|brings)\b|\s(?:in|on|during|since)\s|\swith\s(?:some|additional|further|more)\s|\sall\s(?:participating|participated|took|joined)\b|,\sand\s(?=(?:\p{Lu}[\p{L}\d&.'’-]*\s){1,3}(?:also|separately|later|has|had|will|would)\b)|,\sand\s(?=(?:existing|new|other|returning|previous)\s(?:investors?|backers?|shareholders?)\s)|\s(?:und\s)?(?:angeführt|geführt|beteiligten|beteiligte|haben|hat|sind|waren|wurde|wird|mit|bei|um|für|nach|aus|erneut|ebenfalls|erhalten|eingesammelt)\b|,\s(?:ebenso|die|der|das)\b/u;

/** Words that name no investor: an article, a kind of investor, a placeholder. */
const NOT_A_NAME =
  /^(?:the|a|an|its|their|other|others|more|existing|new|several|various|investors?|backers?|(?:existing|new|other|returning)\s(?:investors?|backers?)|firms?|funds?|the\sround|the\scompany|among\sothers|including|Series\s.*|Seed|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December)$/i;
/** "In 2021", "Today", "March 2024": the start of a clause or a date, not a name; but "Also Capital" is a firm. */
const NOT_A_NAME_START =
  /^(?:In|On|At|By|For|From|After|Before|During|Since|Last|This|That|These|Those|Today|Earlier|Later|Also|And|But|Meanwhile|However|Now|Then|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d+)(?=\s|$)(?!\s(?:Capital|Ventures|Partners|Fund|Investments|Holdings)\b)/;
const NAME =
  /^(?:a16z$|[\p{Lu}\d])[\p{L}\d&.'’-]*(?:\s(?:(?:of|de|du|la|van|von|and|&|for|the|by)\s)?[\p{Lu}\d][\p{L}\d&.'’-]*)*$/u;
/** A job title in a list of people ("Robert Duggan, Co-Chief Executive Officer, President and ..."): no investor. */
const TITLE =
  /^(?:Co-)?(?:Chief|President|Executive|Vice|Senior|Board|Chair(?:man|woman)?|Director|Member|Founder|Managing|General\sCounsel|Treasurer|Secretary|CEO|CFO|COO|CTO|Mr|Ms|Mrs|Dr)\b/;
/**
 * "Benchmark's Eric Vishria": a partner named with the firm's possessive; the firm is the investor. Not
 * "Peter Thiel's Founders Fund", where the possessed name is a firm's (see FIRM_WORD).
 */
const FIRMS_PERSON =
  /^(\p{Lu}[\p{L}\d&.-]*(?:\s\p{Lu}[\p{L}\d&.-]*){0,2})['’]s?\s\p{Lu}[\p{Ll}'’-]+\s\p{Lu}[\p{Ll}'’-]+$/u;
/** The last word of a firm's name: "Founders Fund", "Sands Capital", "Thrive Ventures". */
const FIRM_WORD =
  /\s(?:Fund|Funds|Capital|Ventures|Partners|Group|Management|Investments|Holdings|Equity|Advisors|Advisers|Associates|Labs)$/;
/** "Bpifrance's Large Venture fund": a fund named by its owner's possessive and a lower-case "fund"; the owner invests. */
const OWNERS_FUND = /^(\p{Lu}[\p{L}\d&.-]*(?:\s\p{Lu}[\p{L}\d&.-]*){0,2})['’]s?\s(?:\p{Lu}[\p{L}-]*\s){1,3}fund$/u;
/** "Lee Shapiro of 7Wire Ventures": a partner investing through the firm; the firm is the investor. */
const PERSON_OF_FIRM =
  /^\p{Lu}[\p{L}'’-]+\s\p{Lu}[\p{L}'’-]+\sof\s(.+\b(?:Ventures|Capital|Partners|Fund|Investments|Management|Group|Holdings))$/u;

/** A list item that is a person's title alone ("former CEO", "co-founder"): the item after it is its organisation. */
const TITLE_ALONE =
  /^(?:(?:former|ex-|then|current|interim|outgoing)\s?)?(?:CEO|CFO|COO|CTO|chief\s[\w\s]{3,30}officer|(?:co-)?founder|chair(?:man|woman)?|president|managing\s(?:director|partner))$/i;

/** One list item as a name: descriptions, possessors and asides dropped; null when it names nobody. */
function cleanName(item: string): string | null {
  const plain = item.replace(/^.*\b(?:including|such\sas)\s/, '').replace(/^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s(?=\p{Lu})/u, '');
  // "as first reported by TechCrunch", "per the Financial Times": a clause about the news, not an investor; but
  // "Leaps by Bayer", two capitalised words about "by", is a firm's name.
  if (
    /\b(?:by|from|to|at|with|per|via|through|as|according|reported|said|says|told|announced)\s/.test(plain) &&
    !/^\p{Lu}[\p{L}\d]*\sby\s\p{Lu}[\p{L}\d]*$/u.test(plain)
  )
    return null;
  const name = plain
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^(?:(?:existing|new|returning|other)\s)?(?:investors?|backers?|shareholders?)\s/i, '')
    .replace(/^(?:the|[Dd](?:er|ie|as|em|en|es))\s(?=\p{Lu})/u, '')
    .replace(OWNERS_FUND, '$1')
    .replace(FIRMS_PERSON, (whole: string, firm: string) => (FIRM_WORD.test(whole) ? whole : firm))
    .replace(/^(?:\p{Lu}[\p{L}\d.-]*\s){0,3}?(?:\p{Lu}[\p{L}\d.-]*['’]s?\s)(?=[\p{Lu}\d])/u, '')
    // "Accel-backed Acme", "New York-based Coatue", "Transferwise-CEO Taavet Hinrikus", "Teleport-Gründer Sten Tamkivi": the name after
    // the word that describes it (a person's role at another organisation is no investor).
    .replace(
      /^(?:[\p{Lu}][\p{L}]*\s){0,2}[\p{Lu}][\p{L}]*-(?:owned|backed|based|led|CEO|CFO|CTO|COO|[Cc]hef(?:in)?|(?:Mit)?[Gg]ründer(?:in)?|(?:[Cc]o-)?[Ff]ounder)\s(?=[\p{Lu}\d])/u,
      '',
    )
    .replace(
      /^(?:the\s)?(?:(?:\p{Lu}[\p{L}\d-]*(?:['’]s?)?\s){0,3}(?:(?!(?:of|de|du|la|van|von|for|and|by)\s)[\p{Ll}][\p{L}'’-]*\s)+)+(?=[\p{Lu}\d])/u,
      '',
    )
    .replace(DESCRIBED_DE, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:'"’”]+$/u, '')
    // "Al Gore's Generation Investment Management group": the firm, without the word for what it is.
    .replace(/(?<=\p{Lu}[\p{L}\d&.-]*)\s(?:group|arm|unit)$/u, '')
    .trim();
  const firm = PERSON_OF_FIRM.exec(name)?.[1];
  if (firm) return firm;
  return NAME.test(name) &&
    name.length > 1 &&
    !NOT_A_NAME.test(name) &&
    !TITLE.test(name) &&
    !NOT_A_NAME_START.test(name)
    ? name
    : null;
}

/**
 * The names of a list written after a trigger ("Accel, Index Ventures and existing investor GV, bringing
 * ..."): cut where another clause begins, asides ("GV, Google's venture arm,") and descriptions dropped.
 */
function namesIn(list: string, othersOnly = false): string[] {
  // A list of those who took part goes on past "and existing investors": where leads are named, it ends there.
  const text = (
    othersOnly
      ? list.replace(/,?\sand\s(?=(?:existing|new|other|returning|previous)\s(?:investors?|backers?)\s)/g, ', ')
      : list
  )
    .replace(/\s?[—–]\s?[^—–,]{1,60}?\s?[—–]\s?/g, ', ')
    .replace(/\s?\([^)]*\)|\[\d+\]/g, '')
    // "Akeso, Inc.": the company's legal form is part of its name, not another investor.
    .replace(/,\s(?:Inc|LLC|Ltd|Corp|plc|LP|L\.P)\.?(?=[\s,]|$)/g, '')
    // "A und B aus Deutschland sowie C aus der Schweiz": where a German page's investors are from, not a clause.
    .replace(/\saus\s(?:der\s|dem\s|den\s)?\p{Lu}[\p{L}-]+(?=[\s,;.]|$)/gu, '');
  const end = LIST_END.exec(text);
  const names: string[] = [];
  const pieces = (end ? text.slice(0, end.index) : text).split(
    /(,\s(?:and\s|as\swell\sas\s|plus\s|und\s|sowie\s)?|\sand\s|\sas\swell\sas\s|\splus\s|\sund\s|\ssowie\s)/,
  );
  let inAside = false;
  let afterTitle = false;
  for (let i = 0; i < pieces.length; i += 2) {
    const item = pieces[i]!.trim();
    // "led by Jane Doe, former CEO, Acme Foods, and ...": the organisation after a person's title is where the
    // title is held, no investor.
    const ofTitle = afterTitle;
    afterTitle = TITLE_ALONE.test(item);
    if (ofTitle || afterTitle) continue;
    // An aside about the name before it ("Jeff Dean, the lead of Google AI,") names nobody, nor does the rest
    // of it after a bare "and" ("A, the firm co-founded by B and early investor C"): those are its founders.
    inAside = /^(?:the|a|an)\s\p{Ll}/u.test(item) || (inAside && pieces[i - 1] === ' and ');
    if (inAside) continue;
    // "seine Frau Ann-Kristin", "Mr. Duggan": a person named by a relation and a given name, or by an honorific
    // and a surname alone, is no name a reader can place.
    if (/^(?:sein|seine|ihr|ihre)\s/u.test(item) || /^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s\p{Lu}[\p{L}'’-]+$/u.test(item))
      continue;
    // A clause of another kind ("valuing the bank at ...") ends the list.
    if (
      /^(?:valuing|bringing|making|giving|taking|lifting|putting|raising|pushing|which|who|that|according|said)\b/.test(
        item,
      )
    )
      break;
    const name = cleanName(item);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The subject list before a verb ("A, B and C also participated"): from the sentence's last clause start, an aside about the last name dropped. */
function listBefore(sentence: string, verbIndex: number): string {
  const clause = sentence
    .slice(0, verbIndex)
    .split(
      /(?:(?<!\b(?:\p{Lu}|Inc|Co|Corp|Ltd|Jr|Sr|Dr|Mr|Mrs|Ms|St|No))\.(?:\[\d+\])*|[;:])\s|,\sand\s(?=(?:existing|new|other|returning|previous)\s(?:investors?|backers?|shareholders?)\s)/u,
    )
    .pop()!;
  return clause
    .replace(/,\s(?:the|a|an|its|\p{Lu}[\p{L}]*['’]s)\s[^,]*,\s*$/u, '')
    .replace(/(?:\s(?:has|have|had|also|was|were|is|then|later|went\son\sto|would\sgo\son\sto))+\s*$/, '')
    .replace(/^\s*(?:Also|And|But|Auch|Und)\s/, '');
}

/** A "led by" that belongs to a loan or a grant in the same clause ("a $100 million debt facility led by SVB"). */
const OTHER_INSTRUMENT = /\b(?:facility|loan|debt|credit|grant|contract)\b[^,;]{0,20}$/i;
/** What a round's "led by" follows: the round, the money, or "it" standing for the round. */
const ROUND_BEFORE =
  /(?:\b(?:round|funding|financing|investment|raise|raised|raising|fund-?rais\w*|tranche|seed|Series\s[A-K][\w-]*)|[$€£]\s?\d[\d.,]*\s?(?:[mb]n?|million|billion)?|\d\s?(?:million|billion|[mb]n?)|^(?:It|They)\s(?:was|were|is))\b[^.;]{0,60}$/i;
/** "the company, led by CEO Jane Doe": a leader of the company, not of a round. */
const LEADS_THE_COMPANY =
  /\b(?:company|startup|start-up|team|business|firm|group|agency|government|country|effort|project|initiative|which\sis|who\sis)\b[,\s]*(?:is\s|was\s|now\s)?$/i;

const OTHERS_AFTER_LEADS =
  /,?\s(?:as\swell\sas\s(?=(?:existing|new|other|returning)\s)|with\s(?:(?:previous|existing|new|other|returning)\s)?(?:(?:backers|investors|shareholders)\s)?(?=\p{Lu}))/u;

/** The investors a sentence names, as leads or others; a "led by" that another instrument owns is skipped. */
export function investorsIn(sentence: string, target: CompanyTarget): InvestorMentions {
  const leads: string[] = [];
  const others: string[] = [];
  for (const m of sentence.matchAll(LED_BY)) {
    const before = sentence.slice(0, m.index);
    if (OTHER_INSTRUMENT.test(before) || LEADS_THE_COMPANY.test(before) || !ROUND_BEFORE.test(before)) continue;
    const tail = sentence.slice(m.index + m[0].length);
    // "led by A as well as existing investors B and C", "led by A with B", "led by A, with previous backers B
    // and C all participating": the others follow the leads (before or just where the list of leads ends).
    const found = OTHERS_AFTER_LEADS.exec(tail);
    const split = found && found.index <= (LIST_END.exec(tail)?.index ?? tail.length) ? found : null;
    leads.push(...namesIn(split ? tail.slice(0, split.index) : tail));
    if (split) others.push(...namesIn(tail.slice(split.index + split[0].length)));
  }
  for (const m of sentence.matchAll(LED_BY_DE)) leads.push(...namesIn(sentence.slice(m.index + m[0].length)));
  for (const m of sentence.matchAll(LED_BY_DE_BEFORE)) leads.push(...namesIn(m[1]!));
  const active = LED_ACTIVE.exec(sentence);
  if (active) leads.push(...namesIn(listBefore(sentence, active.index)));
  // "... took part, alongside carmakers A and B": those who took part with them are the round's too.
  const afterRound = [...sentence.matchAll(ALSO_WITH)].filter(
    (m) =>
      TOOK_PART.test(m[0]) ||
      ROUND_BEFORE.test(sentence.slice(0, m.index)) ||
      new RegExp(LED_BY.source).test(sentence.slice(0, m.index)) ||
      TOOK_PART.test(sentence.slice(0, m.index)),
  );
  const roundTold = (index: number) =>
    ROUND_BEFORE.test(sentence.slice(0, index)) ||
    new RegExp(LED_BY.source).test(sentence.slice(0, index)) ||
    LED_ACTIVE.test(sentence.slice(0, index));
  for (const m of sentence.matchAll(WITH_TAKING_PART)) if (roundTold(m.index)) others.push(...namesIn(m[1]!));
  for (const m of [
    ...sentence.matchAll(JOINED_BY),
    ...afterRound,
    ...sentence.matchAll(FROM),
    ...sentence.matchAll(AGREEMENT_WITH),
    ...sentence.matchAll(SHARES_TO),
    ...sentence.matchAll(JOINED_BY_DE),
  ])
    others.push(...namesIn(sentence.slice(m.index + m[0].length), true));
  // "Orbit Platforms is investing $30 million in Lumora": who puts money into the company takes part in its round.
  for (const m of sentence.matchAll(INVESTS_AMOUNT_IN))
    if (investedInTarget(sentence.slice(m.index + m[0].length - m[1]!.length), target))
      others.push(...namesIn(listBefore(sentence, m.index)));
  const tookPart = TOOK_PART.exec(sentence) ?? TOOK_PART_DE.exec(sentence);
  if (tookPart) {
    const subject = listBefore(sentence, tookPart.index);
    others.push(...namesIn(LISTED_IN_PARENTHESES.exec(subject)?.[1] ?? subject));
  }
  const isTarget = (name: string) => isTargetOrganisation(name, target);
  const uniqueLeads = union(
    [],
    leads.filter((n) => !isTarget(n)),
  );
  return {
    leads: uniqueLeads,
    others: union(
      [],
      others.filter((n) => !isTarget(n)),
    ).filter((o) => !uniqueLeads.some((l) => sameInvestor(l, o))),
    targetInvests: [...leads, ...others].some(isTarget),
  };
}

const letters = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Short names a reader knows for the same firm. */
const ALIASES: Record<string, string> = { gv: 'googleventures', a16z: 'andreessenhorowitz' };
const key = (name: string) => {
  const k = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(?:inc|llc|lp|ltd|the)\b/g, '')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ALIASES[k.replace(/ /g, '')] ?? k;
};

/** Same investor: the same name, a known short name, or one name the other's first words ("Lightspeed", "Lightspeed Venture Partners"). */
export function sameInvestor(a: string, b: string): boolean {
  const [x, y] = [key(a), key(b)];
  return x.replace(/ /g, '') === y.replace(/ /g, '') || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/** The names of both lists, each investor once, under its fullest spelling ("Y Combinator" over "YCombinator", "Lightspeed Venture Partners" over "Lightspeed"). */
export function union(a: string[], b: string[]): string[] {
  const result = [...a];
  for (const name of b) {
    const i = result.findIndex((r) => sameInvestor(r, name));
    if (i < 0) result.push(name);
    else if (letters(name).startsWith(letters(result[i]!)) && name.length > result[i]!.length) result[i] = name;
  }
  return result;
}
