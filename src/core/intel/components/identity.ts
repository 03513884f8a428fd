import type { Candidate, CompanyIdentity, Fact } from '../domain';
import type { SearchRequest } from '../../providers/types';
import { makeFact, type CompanyTarget, type Document } from '../component';
import { StepFailure } from '../run-graph';
import { escapeRegExp, hostOf, looksLikeInstruction, normaliseKey, stripCorporateSuffix } from '../text';
import { sentences } from '../read/sentences';

export interface IdentityOutput {
  target: CompanyTarget;
  identity: CompanyIdentity;
  candidates: Candidate[];
  facts: Fact[];
  notFound: string[];
  /** Set when the name is ambiguous and nothing was picked: the other components wait for a pick. */
  halt?: string;
}

const STOP_WORDS = new Set([
  'ceo',
  'cfo',
  'coo',
  'cto',
  'chief',
  'president',
  'founder',
  'chairman',
  'executive',
  'executives',
  'privacy',
  'policy',
  'terms',
  'news',
  'shares',
  'stock',
  'ai',
  'is',
  'was',
  'has',
  'have',
  'the',
  'and',
  'in',
  'on',
  'of',
  'for',
  'to',
  'today',
  'announces',
  'announced',
  'reports',
  'said',
  'says',
  'inc',
  'corp',
  'corporation',
  'ltd',
  'llc',
  'co',
  'company',
  'a',
  'an',
  'its',
  'will',
  'with',
]);

interface Group {
  name: string;
  key: string;
  domain: string | null;
  documents: Document[];
  /** Other names the company's own site gives it ("Mercury General" for Mercury Insurance). */
  aliases: string[];
}

export function identitySearch(query: string): SearchRequest {
  return { query: `"${query}" company`, maxResults: 10, includeRawContent: false };
}

/** The fullest name each document uses for the typed name: "Mercury" -> "Mercury Systems" in a page about Mercury Systems. */
function dominantName(document: Document, query: string): string | null {
  const text = `${document.rawContent ?? document.content}`;
  const counts = new Map<string, { name: string; count: number }>();
  const pattern = new RegExp(`\\b${escapeRegExp(query)}\\b`, 'gi');
  for (const match of text.matchAll(pattern)) {
    const after = text.slice(match.index + match[0].length);
    // "Mercury Systems", and "Delta Dental of California" (a regional company of a shared name).
    const next = /^ ((?:of )?[A-Z][A-Za-z&-]+)/.exec(after)?.[1];
    const name = stripCorporateSuffix(next && !STOP_WORDS.has(next.toLowerCase()) ? `${match[0]} ${next}` : match[0]);
    const key = normaliseKey(name);
    const entry = counts.get(key) ?? { name, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const top = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  // A longer form said once is as often a headline's next word ("Boeing Removing ...") as a name.
  if (top && top.count < 2 && normaliseKey(top.name) !== normaliseKey(query)) return stripCorporateSuffix(query.trim());
  return top?.name ?? null;
}

const GENERIC_LABEL_ENDING =
  /^(?:ai|hq|app|inc|io|labs?|co|corp|group|tech|global|capital|ventures|partners|software)?$/;

/**
 * The company's own site among a group's documents: a host with a label that is the name run together or
 * starts with its first word ("about.nike.com", "deltadentalins.com"). A news site's home page or a proxy
 * ("notion-proxy.example.com") is not, and a wrong domain would make every page of that site the company's.
 */
function officialDomain(documents: Document[], name: string): string | null {
  const words = normaliseKey(name).split(' ');
  // A one-word name's site may add only a generic word ("hgcapital.com"): "coherehealth.com" is Cohere Health's.
  const ownRest = (rest: string) => words.length > 1 || GENERIC_LABEL_ENDING.test(rest);
  const ownLabel = (label: string) =>
    label === words.join('') ||
    (/^[a-z0-9]+$/.test(label) && label.startsWith(words[0]!) && ownRest(label.slice(words[0]!.length)));
  const hosts = documents.map((d) => hostOf(d.url)).filter((host): host is string => host !== null);
  return hosts.find((host) => words[0] && host.split('.').slice(0, -1).some(ownLabel)) ?? null;
}

/**
 * Whether a page about "Textron Systems" calls "Textron" its parent ("parent company Textron Inc.", "a
 * Textron company", "Textron's Bell division"): a part of the company, not a namesake to tell apart from it.
 */
function namesAsParent(documents: Document[], parent: string): boolean {
  const name = escapeRegExp(parent);
  // "a Textron" alone is no parent: it must go on "Inc" or "company".
  const pattern = new RegExp(
    `\\b(?:parent(?:\\scompany)?|subsidiary\\sof|(?:unit|division|part)\\sof)\\s(?:the\\s)?${name}\\b|\\ban?\\s${name}\\s(?:Inc|company)\\b|\\b${name}['’]s\\s(?:[A-Z][\\w-]*\\s){0,3}(?:division|unit|subsidiary|segment)\\b`,
    'i',
  );
  return documents.some((d) => pattern.test(d.rawContent ?? d.content));
}

/** The site label that is a name run together: "mercuryinsurance" for Mercury Insurance. */
const siteLabel = (key: string) => key.replace(/ /g, '');

/** Whether a document is on the site whose label is `label` ("www.mercuryinsurance.com/about"). */
const onSite = (document: Document, label: string) =>
  (hostOf(document.url) ?? '').split('.').slice(0, -1).includes(label);

/**
 * A page on a company's own site ("mercuryinsurance.com") is that company's, whichever form of the name it
 * uses most ("Mercury", "Mercury General"): the site settles what the words leave open.
 */
function moveOwnSitePages(groups: Group[]): void {
  for (const group of groups) {
    if (!group.key.includes(' ')) continue;
    for (const other of groups) {
      if (other === group) continue;
      const moved = other.documents.filter((d) => onSite(d, siteLabel(group.key)));
      if (moved.length === 0) continue;
      other.documents = other.documents.filter((d) => !moved.includes(d));
      group.documents.push(...moved);
    }
  }
  groups.splice(0, groups.length, ...groups.filter((g) => g.documents.length > 0));
}

/**
 * A legal name the company's own site gives it ("George Joseph founded Mercury General Corporation" on
 * mercuryinsurance.com) is the same company as the one the site is named after, not a namesake to pick from:
 * that group is merged in and its name kept as an alias. Only a name with a corporate suffix counts, as a
 * site naming another company in passing ("unlike Mercury Systems") does not give it a legal name.
 */
function mergeLegalNames(groups: Group[], query: string): void {
  const typed = `${escapeRegExp(query.trim())}|${escapeRegExp(query.trim().toUpperCase())}`;
  const legal = new RegExp(
    `\\b((?:${typed})\\s[A-Z][A-Za-z&-]+),?\\s(?:Corporation|CORPORATION|Corp\\.?|CORP\\.?|Inc\\.?|INC\\.?|Incorporated|Company|Co\\.|Holdings|Group|plc|PLC|Ltd\\.?|LLC)(?![\\w-])`,
    'g',
  );
  for (const group of [...groups]) {
    if (!groups.includes(group)) continue;
    const own = group.documents.filter((d) => onSite(d, siteLabel(group.key)));
    if (own.length === 0) continue;
    // The name as the site writes it ("Mercury General"), whatever case the namesake group's pages use.
    const legalNames = new Map(
      own.flatMap((d) => [...(d.rawContent ?? d.content).matchAll(legal)].map((m) => [normaliseKey(m[1]!), m[1]!])),
    );
    for (const other of [...groups]) {
      const legalName = legalNames.get(other.key);
      if (other === group || !legalName) continue;
      group.documents.push(...other.documents);
      group.aliases.push(legalName, ...other.aliases);
      groups.splice(groups.indexOf(other), 1);
    }
  }
}

/** How far into a page its opening runs: where a reader learns which of several namesakes the page is about. */
const OPENING_CHARACTERS = 300;

/**
 * The longer name a page gives the typed one in a sentence at its opening ("venture group Polaris Partners,
 * whose ..."), then mostly shortened to the typed name: the page is that company's. Only running prose counts
 * (a comma, or a next word in lower case that a Title Case headline would not keep so: "Mercury Applies for"):
 * in a headline the next word is any word ("Polaris Renews Its"). A name after "the" is a product's ("called the
 * Aurora Driver").
 */
function nameAtOpening(document: Document, query: string): string | null {
  const opening = (document.rawContent ?? document.content).slice(0, OPENING_CHARACTERS);
  const inProse = new RegExp(
    `(?<![Tt]he\\s)\\b${escapeRegExp(query.trim())}\\s((?:of\\s)?[A-Z][A-Za-z&-]+)(?=[,;:]\\s|\\s(?!(?:for|of|to|in|on|at|and|or|the|a|an|with|by|as|from|vs)\\b)[a-z])`,
    'g',
  );
  const found = [...opening.matchAll(inProse)].find((m) => !STOP_WORDS.has(m[1]!.toLowerCase()));
  if (!found) return null;
  const name = stripCorporateSuffix(found[0]);
  return normaliseKey(name) !== normaliseKey(query) ? name : null;
}

/**
 * When the typed name already means several companies, a page that mostly uses the bare name but names one of
 * them in full at its opening is moved to that company's group: left in the bare name's group, it made a
 * candidate of namesakes' pages described by one company's page.
 */
function moveOpeningNamedPages(groups: Group[], query: string): void {
  const bare = groups.find((g) => g.key === normaliseKey(query));
  if (!bare || groups.length < 2) return;
  for (const document of [...bare.documents]) {
    const name = nameAtOpening(document, query);
    if (!name) continue;
    const key = normaliseKey(name);
    const group = groups.find((g) => g.key === key);
    bare.documents.splice(bare.documents.indexOf(document), 1);
    if (group) group.documents.push(document);
    else groups.push({ name, key, domain: null, documents: [document], aliases: [] });
  }
  if (bare.documents.length === 0) groups.splice(groups.indexOf(bare), 1);
}

function groupDocuments(documents: Document[], query: string): Group[] {
  const groups: Group[] = [];
  for (const document of documents) {
    const found = dominantName(document, query);
    if (!found) continue;
    // A page that styles the name "NIKE" names the company the analyst typed as "Nike": the typed form is kept.
    const name = normaliseKey(found) === normaliseKey(query) ? stripCorporateSuffix(query.trim()) : found;
    const key = normaliseKey(name);
    const group = groups.find((g) => g.key === key);
    if (group) group.documents.push(document);
    else groups.push({ name, key, domain: null, documents: [document], aliases: [] });
  }
  moveOpeningNamedPages(groups, query);
  moveOwnSitePages(groups);
  for (const group of groups) group.domain = officialDomain(group.documents, group.name);
  mergeLegalNames(groups, query);
  // Names that share a site are one company, and so is a longer form of a name of two words or more
  // ("Lumora Analytics Platform" is Lumora Analytics); a bare shared word ("Apollo") absorbs only a part of the
  // company that names it as its parent.
  const merged: Group[] = [];
  for (const group of groups.sort((a, b) => b.documents.length - a.documents.length)) {
    const same = merged.find(
      (m) =>
        (group.domain && m.domain === group.domain) ||
        (!group.domain &&
          group.key.startsWith(`${m.key} `) &&
          (m.key.includes(' ') || namesAsParent(group.documents, m.name))),
    );
    if (same) same.documents.push(...group.documents);
    else merged.push(group);
  }
  return merged;
}

/**
 * The first word of a longer name when the company's pages use it alone ("Stoke" for Stoke Space, "Slingshot"
 * for Slingshot Aerospace) in two results or more, and no namesake among the candidates starts with it.
 */
function firstWordAlone(chosen: Group, others: string[]): string | null {
  const [first, second] = chosen.name.split(' ');
  if (
    !first ||
    !second ||
    first.length < 4 ||
    others.some((other) => normaliseKey(other).split(' ')[0] === normaliseKey(first))
  )
    return null;
  const alone = new RegExp(`\\b${escapeRegExp(first)}\\b(?!\\s${escapeRegExp(second)})`);
  return chosen.documents.filter((d) => alone.test(d.content)).length >= 2 ? first : null;
}

function describe(group: Group): string {
  const first = group.documents
    .flatMap((d) => sentences(d.content))
    .find((s) => !looksLikeInstruction(s) && s.toLowerCase().includes(group.key.split(' ')[0] ?? ''));
  return first ?? group.documents[0]?.title ?? '';
}

/** Resolves the typed name to one company, or reports the candidates when the results describe several. */
export async function resolveIdentity(
  query: string,
  search: (request: SearchRequest) => Promise<Document[]>,
  pick?: number,
): Promise<IdentityOutput> {
  const documents = await search(identitySearch(query));
  // "Harvey AI" is "Harvey" on its own pages: a trailing generic word the pages do not use is dropped.
  const shorter = query.trim().replace(/\s+(?:AI|Labs?|HQ|App|Technologies|Tech|Software|Inc\.?|Co\.?)$/i, '');
  let groups = groupDocuments(documents, query);
  if (groups.length === 0 && shorter !== query.trim()) groups = groupDocuments(documents, shorter);
  const candidates: Candidate[] = groups.map((g, i) => ({
    index: i + 1,
    name: g.name,
    domain: g.domain,
    description: describe(g),
    sources: g.documents.map((d) => d.url),
  }));
  const exact = groups.find((g) => g.key === normaliseKey(stripCorporateSuffix(query)));
  // "Mercury" is ambiguous even when one company goes by the bare word, if others extend it ("Mercury Systems").
  const extended = exact !== undefined && groups.some((g) => g !== exact && g.key.startsWith(`${exact.key} `));
  const ambiguous = groups.length > 1 && (!exact || extended);
  if (pick !== undefined && (pick < 1 || pick > Math.max(candidates.length, 1))) {
    throw new StepFailure({
      kind: 'bad_request',
      message: `There is no candidate ${pick}: the name matched ${candidates.length} ${candidates.length === 1 ? 'company' : 'companies'}.`,
    });
  }
  if (ambiguous && pick === undefined) {
    const identity = { name: query, domain: null, aliases: [] };
    return {
      target: { ...identity, others: [] },
      identity,
      candidates,
      facts: [],
      notFound: [],
      halt: `"${query}" matches ${groups.length} companies; pick one of the candidates`,
    };
  }
  const chosen = ambiguous ? groups[pick! - 1]! : (exact ?? groups[0]);
  if (!chosen) {
    const identity = { name: stripCorporateSuffix(query), domain: null, aliases: [] };
    return { target: { ...identity, others: [] }, identity, candidates: [], facts: [], notFound: ['identity.domain'] };
  }
  const others = groups.filter((g) => g !== chosen).map((g) => g.name);
  const aliases = [
    ...(others.length === 0 && normaliseKey(query) !== chosen.key ? [query.trim()] : []),
    ...chosen.aliases,
  ];
  // Pages call "Harvey AI" "Harvey": the short form is a name of the chosen company unless a namesake shares it.
  const short = normaliseKey(shorter);
  if (
    short !== chosen.key &&
    chosen.key.startsWith(`${short} `) &&
    !others.some((other) => normaliseKey(other).startsWith(short)) &&
    !aliases.includes(shorter)
  )
    aliases.push(shorter);
  const shortName = firstWordAlone(chosen, others);
  const identity: CompanyIdentity = { name: chosen.name, domain: chosen.domain, aliases };
  const facts = identityFacts(chosen);
  const target: CompanyTarget = {
    ...identity,
    aliases: shortName && !aliases.includes(shortName) ? [...aliases, shortName] : aliases,
    others,
    picked: ambiguous,
    ...(shortName ? { shortName } : {}),
  };
  return {
    target,
    identity,
    candidates: ambiguous ? candidates : [],
    facts,
    notFound: chosen.domain ? [] : ['identity.domain'],
  };
}

function identityFacts(group: Group): Fact[] {
  const document = group.documents.find((d) => hostOf(d.url) === group.domain) ?? group.documents[0]!;
  const evidence =
    sentences(document.content).find((s) => !looksLikeInstruction(s) && normaliseKey(s).includes(group.key)) ??
    document.title;
  const facts = [
    makeFact({
      section: 'identity',
      kind: 'name',
      value: group.name,
      text: group.name,
      document,
      evidence,
      confidence: 0.8,
    }),
  ];
  if (group.domain)
    facts.push(
      makeFact({
        section: 'identity',
        kind: 'domain',
        value: group.domain,
        text: group.domain,
        document,
        evidence: document.url,
        confidence: 0.7,
      }),
    );
  return facts;
}
