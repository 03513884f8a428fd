/**
 * Issue 11: which NLP library reads person names and dates best on the real-text set
 * (tests/fixtures/intel/realworld). Measures, changes nothing:
 *   node --import tsx tests/eval/libraries.ts            all sections
 *   node --import tsx tests/eval/libraries.ts --sample   also print a sample of unmatched names to judge by hand
 * wink-nlp, wink-eng-lite-web-model and chrono-node are optional: a section whose library is not installed
 * (`npm install --no-save wink-nlp wink-eng-lite-web-model chrono-node`) is skipped with a note.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { loadRealworldSet, type EvalCompany } from './realworld-set';
import { cleanPage } from '../../src/core/intel/read/clean';
import { sentences } from '../../src/core/intel/read/sentences';
import { PERSON_NAME, isNameLike, stripNameSuffixes } from '../../src/core/intel/read/names';
import { datelineDate } from '../../src/core/intel/read/page';
import { findDate } from '../../src/core/intel/dates';

// ---------------------------------------------------------------- optional libraries (loaded by name, untyped)

interface WinkDoc {
  tokens(): { out(f?: unknown): string[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { pos: unknown; value: unknown };
}
interface ChronoComponents {
  get(c: string): number | null;
  isCertain(c: string): boolean;
}
interface ChronoResult {
  text: string;
  index: number;
  start: ChronoComponents;
}
interface Chrono {
  parse(text: string, ref?: Date, options?: { forwardDate?: boolean }): ChronoResult[];
  strict: Chrono;
}

async function optional<T>(name: string): Promise<T | null> {
  try {
    return (await import(name)) as T;
  } catch {
    return null;
  }
}
const winkModule = await optional<{ default: (model: unknown) => Wink }>('wink-nlp');
const winkModel = await optional<{ default: unknown }>('wink-eng-lite-web-model');
const wink = winkModule && winkModel ? winkModule.default(winkModel.default) : null;
const chronoModule = await optional<Chrono & { default?: Chrono }>('chrono-node');
const chrono: Chrono | null = chronoModule
  ? typeof chronoModule.parse === 'function'
    ? chronoModule
    : chronoModule.default!
  : null;

const companies: EvalCompany[] = loadRealworldSet();
const SAMPLE = process.argv.includes('--sample');

// ---------------------------------------------------------------- person names

/** Names in the truth that are organisations, not people (read by hand from every file's mustNotAppear). */
const ORGANISATIONS = new Set(
  `Air France-KLM|American Airlines Group|Apax Partners|Automobile Club of Southern California|BBC Pension Trust|Blue Origin|Cairn Financial Advisers LLP|California State Teachers' Retirement System|Choice Financial|Choice Financial Group|Collins Aerospace|Credit Suisse|E-TEK Dynamics|Edelweiss Alternative Asset|Employees Retirement System of Texas|Evolve Bank & Trust|General Atlantic|Glasshouse Research|Glenview Capital Management|GP Bullhound|Goldman Sachs|Hamilton Lane|Health Evolution Partners|HgCapital Trust|ICONIQ Growth|Insight Partners|JDS Uniphase|Kentucky Teachers’ Retirement System|Korean Air Lines|Lehman Brothers|Lockheed Martin|ManTech International|Marble Wallet|McDonald & Co.|MD Anderson|MIND CTI|Moda Health|Moda Holdings Group|Morgan Stanley|Mosaic Ventures|New York Times Company|Northrop Grumman|Park Street Capital|Paul Capital Partners|Pennsylvania Public School Employees’ Retirement System|Pulse Biosciences|Rede Partners|Riverside Company|Rocket Mortgage|Savvy Games Group|Southwest Airlines|Spoetzl Brewery|State Farm|TA Associates|Teacher Retirement System of Texas|Teachers' Retirement System of the State of Illinois|Texas Restaurant Relief Fund|The Carlyle Group|United Airlines Holdings|US Bank|Vista Equity Partners|Warburg Pincus|West Midlands Pension Fund`.split(
    '|',
  ),
);

const norm = (name: string) =>
  ` ${stripNameSuffixes(name.replace(/\s*\([^)]*\)/g, ''))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s/g, '')
    .replace(/["“”]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** A found span is the truth's person: it contains the name, or it is two words or more of it, or it has the family name and another of its words. */
function sameLenient(found: string, truth: string): boolean {
  const f = norm(found);
  const t = norm(truth);
  if (f.includes(t)) return true;
  const ft = f.trim().split(' ');
  const tt = t.trim().split(' ');
  if (ft.length >= 2 && t.includes(f)) return true;
  const last = tt[tt.length - 1]!;
  return ft.includes(last) && tt.slice(0, -1).some((w) => w.length > 1 && ft.includes(w));
}
const sameExact = (found: string, truth: string) => norm(found) === norm(truth);

interface Method {
  name: string;
  /** Names found in one passage, given its text and its sentences. */
  find(text: string, units: string[]): string[];
}

const PATTERN = new RegExp(PERSON_NAME, 'gu');
const patternNames = (units: string[]) =>
  units.flatMap((u) => [...u.matchAll(PATTERN)].map((m) => m[0]).filter(isNameLike));

// Today's confirmation (a copy of `isPerson` in src/core/intel/extract/executives.ts, which is not exported).
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);
const knownFirstName = (word: string) => {
  const tags = lexicon[word.toLowerCase()];
  return (Array.isArray(tags) ? tags : [tags]).some((tag) => tag !== undefined && FIRST_NAME_TAGS.has(tag));
};
function isPerson(name: string, sentence: string): boolean {
  if (knownFirstName(name.split(' ')[0]!)) return true;
  const someoneElse = [...sentence.matchAll(/\b([A-Z][a-z]+)(?= [A-Z][a-z]+)/g)].some(
    (m) => !name.includes(m[1]!) && knownFirstName(m[1]!),
  );
  if (!someoneElse) return true;
  const people = nlp(sentence).people().out('array') as string[];
  return people.length === 0 || people.some((p) => p.includes(name) || name.includes(p.replace(/[.,]$/, '')));
}

/** wink's English lite model has no PERSON entity (its entities are dates, money, numbers, URLs...): a run of 2-4 proper nouns stands in. */
function winkRuns(text: string): string[] {
  const doc = wink!.readDoc(text);
  const words = doc.tokens().out();
  const pos = doc.tokens().out(wink!.its.pos);
  const runs: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 2 && run.length <= 4) runs.push(run.join(' '));
    run = [];
  };
  words.forEach((w, i) => (pos[i] === 'PROPN' && /^\p{Lu}/u.test(w) ? run.push(w) : close()));
  close();
  return runs;
}

const methods: Method[] = [
  { name: 'compromise people() (per passage)', find: (text) => nlp(text).people().out('array') as string[] },
  { name: 'patterns PERSON_NAME + isNameLike', find: (_text, units) => patternNames(units) },
  {
    name: 'patterns + isPerson (today: compromise confirms)',
    find: (_text, units) =>
      units.flatMap((u) =>
        [...u.matchAll(PATTERN)].map((m) => m[0]).filter((n) => isNameLike(n) && isPerson(stripNameSuffixes(n), u)),
      ),
  },
];
if (wink) {
  methods.push({ name: 'wink-nlp PROPN runs (2-4 tokens)', find: (text) => winkRuns(text) });
  methods.push({ name: 'wink-nlp PROPN runs + isNameLike', find: (text) => winkRuns(text).filter(isNameLike) });
}

interface Passage {
  company: EvalCompany;
  id: string;
  text: string;
  units: string[];
}
const passages: Passage[] = companies.flatMap((company) =>
  company.passages.map((p) => ({ company, id: p.id, text: p.text, units: sentences(cleanPage(p.text)) })),
);
const sentenceCount = passages.reduce((n, p) => n + p.units.length, 0);

function truthPeople(company: EvalCompany): string[] {
  const t = company.truth;
  const investors = new Set(t.funding.flatMap((r) => [...r.investors, ...r.leadInvestors]));
  const candidates = [...t.executives.map((e) => e.name), ...t.optional, ...t.mustNotAppear];
  return [...new Set(candidates)].filter(
    (n) => !ORGANISATIONS.has(n) && !investors.has(n) && n.trim().split(/\s+/).length >= 2,
  );
}
function truthOrganisations(company: EvalCompany): string[] {
  const t = company.truth;
  return [
    company.company,
    ...t.funding.flatMap((r) => [...r.investors, ...r.leadInvestors]),
    ...t.mustNotAppear.filter((n) => ORGANISATIONS.has(n) || n.trim().split(/\s+/).length === 1),
  ];
}

function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`;
}

/** A deterministic shuffle for samples (mulberry32). */
function sample<T>(items: T[], n: number, seed = 11): T[] {
  let s = seed;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

console.log(`# Person names: ${passages.length} passages, ${sentenceCount} sentences, ${companies.length} companies`);
console.log(
  'recall: truth people (executives, optional, mustNotAppear people) whose name is in a passage, found in that passage.',
);
console.log(
  'precision: of distinct names found per passage, share that are a truth person / a truth organisation (company, investor, named org) / neither.',
);
console.log(
  '| method | recall lenient (all) | recall exact | recall holdout | found | truth person | truth org (wrong) | one word | unknown | ms / 1,000 sentences |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const method of methods) {
  let present = 0;
  let foundLenient = 0;
  let foundExact = 0;
  let presentHold = 0;
  let foundHold = 0;
  let found = 0;
  let person = 0;
  let org = 0;
  let single = 0;
  const unknown: string[] = [];
  const missed: string[] = [];
  const started = performance.now();
  const results = passages.map((p) => [
    ...new Set(
      method
        .find(p.text, p.units)
        .map((n) => n.replace(/[.,;:]+$/, '').trim())
        .filter(Boolean),
    ),
  ]);
  const elapsed = performance.now() - started;
  passages.forEach((p, i) => {
    const names = results[i]!;
    const people = truthPeople(p.company);
    const orgs = truthOrganisations(p.company);
    const text = norm(p.text);
    for (const truth of people.filter((t) => text.includes(norm(t)))) {
      present += 1;
      const hold = p.company.split === 'holdout';
      if (hold) presentHold += 1;
      if (names.some((n) => sameLenient(n, truth))) {
        foundLenient += 1;
        if (hold) foundHold += 1;
      } else missed.push(`${p.id}: ${truth}`);
      if (names.some((n) => sameExact(n, truth))) foundExact += 1;
    }
    for (const name of names) {
      found += 1;
      if (people.some((t) => sameLenient(name, t))) person += 1;
      else if (orgs.some((o) => norm(o).includes(norm(name)) || norm(name).includes(norm(o)))) org += 1;
      else if (norm(name).trim().split(' ').length < 2) single += 1;
      else unknown.push(`${p.id}: ${name}`);
    }
  });
  console.log(
    `| ${method.name} | ${pct(foundLenient, present)} (${foundLenient}/${present}) | ${pct(foundExact, present)} | ${pct(foundHold, presentHold)} (${foundHold}/${presentHold}) | ${found} | ${pct(person, found)} | ${pct(org, found)} | ${pct(single, found)} | ${pct(unknown.length, found)} | ${((elapsed / sentenceCount) * 1000).toFixed(0)} |`,
  );
  if (SAMPLE) {
    console.log(`  sample of unknown names (${unknown.length}): ${sample(unknown, 25).join(' ; ')}`);
    console.log(`  sample of missed truth (${missed.length}): ${sample(missed, 15).join(' ; ')}`);
  }
}
if (SAMPLE) {
  // Truth people the pattern finds and today's compromise confirmation turns away.
  const dropped = passages.flatMap((p) =>
    p.units.flatMap((u) =>
      [...u.matchAll(PATTERN)]
        .map((m) => m[0])
        .filter(
          (n) =>
            isNameLike(n) &&
            !isPerson(stripNameSuffixes(n), u) &&
            truthPeople(p.company).some((t) => sameLenient(n, t)),
        )
        .map((n) => `${p.id}: ${n}`),
    ),
  );
  console.log(`  truth people isPerson turns away (${new Set(dropped).size}): ${[...new Set(dropped)].join(' ; ')}`);
}
if (!wink) console.log('(wink-nlp not installed: its rows are skipped)');

// ---------------------------------------------------------------- load time and memory, each library in a fresh process

function loadCost(code: string): string {
  const script = `const r0 = process.memoryUsage().rss; const t0 = performance.now(); ${code}; const t1 = performance.now(); console.log(JSON.stringify({ ms: t1 - t0, mb: (process.memoryUsage().rss - r0) / 1048576 }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    encoding: 'utf8',
  });
  if (run.status !== 0) return 'not installed';
  const { ms, mb } = JSON.parse(run.stdout.trim()) as { ms: number; mb: number };
  return `${ms.toFixed(0)} ms, +${mb.toFixed(0)} MB RSS`;
}
console.log('\n# Load (import + first call, fresh process)');
console.log(
  `compromise: ${loadCost("const { default: nlp } = await import('compromise'); nlp('Jane Doe joined Acme.').people()")}`,
);
console.log(
  `wink-nlp + wink-eng-lite-web-model: ${loadCost("const { default: w } = await import('wink-nlp'); const { default: m } = await import('wink-eng-lite-web-model'); w(m).readDoc('Jane Doe joined Acme.').tokens().out()")}`,
);
console.log(`chrono-node: ${loadCost("const c = await import('chrono-node'); c.parse('Nov. 4, 2024')")}`);

// ---------------------------------------------------------------- dates

/** A chrono result as ISO text as precise as the text is ("2024-11-04", "2024-11", "2024"). */
function chronoIso(result: ChronoResult | undefined, requireYear: boolean): string | null {
  if (!result) return null;
  const c = result.start;
  if (requireYear && !c.isCertain('year')) return null;
  const y = String(c.get('year'));
  const m = String(c.get('month')).padStart(2, '0');
  const d = String(c.get('day')).padStart(2, '0');
  if (c.isCertain('day') || c.isCertain('weekday')) return `${y}-${m}-${d}`;
  if (c.isCertain('month')) return `${y}-${m}`;
  return y;
}
const refDate = (iso: string) =>
  new Date(`${iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-28` : iso}T12:00:00Z`);
/** chrono's first date in a text; without a page date, only a date stating its year counts (chrono would take today's). */
const chronoDate = (text: string, reference: string | null, forward = false, parser: Chrono = chrono!) =>
  chronoIso(
    parser.parse(text, reference ? refDate(reference) : new Date(), { forwardDate: forward })[0],
    reference === null,
  );
/** chrono's formal dates only (`chrono.strict`: no "today", "last month", "in seconds"). */
const chronoStrict = (text: string, reference: string | null) => chronoDate(text, reference, false, chrono!.strict);

/** The page's date from its opening lines: today's way (dateline, else a date of month precision in the first lines) and chrono's. */
const openingFindDate = (units: string[], reference: string | null) =>
  datelineDate(units) ??
  units
    .slice(0, 6)
    .map((u) => findDate(u, reference))
    .find((d) => d !== null && d.length >= 7) ??
  null;
const openingChrono = (units: string[], reference: string | null) =>
  units
    .slice(0, 6)
    .map((u) => chronoDate(u, reference))
    .find((d) => d !== null && d.length >= 7) ?? null;
const openingChronoStrict = (units: string[], reference: string | null) =>
  units
    .slice(0, 6)
    .map((u) => chronoStrict(u, reference))
    .find((d) => d !== null && d.length >= 7) ?? null;

if (!chrono) console.log('\n(chrono-node not installed: date comparison skipped)');
else {
  console.log('\n# Dates: every truth.news item, the page date read from the passage opening (first 6 lines)');
  const items = companies.flatMap((c) =>
    c.truth.news.map((n) => ({ n, p: c.passages.find((p) => p.id === n.passage)! })),
  );
  for (const withRef of [false, true]) {
    const rows: Record<string, { right: number; exact: number; wrong: string[]; missing: number; falseDate: number }> =
      {};
    const onlyRight: Record<string, string[]> = {};
    const dated = items.filter((i) => i.n.date !== null).length;
    for (const { n, p } of items) {
      const units = sentences(cleanPage(p.text));
      const reference = withRef ? p.published_date : null;
      const dates = [
        ['findDate', openingFindDate(units, reference)],
        ['chrono-node (casual)', openingChrono(units, reference)],
        ['chrono-node strict', openingChronoStrict(units, reference)],
      ] as const;
      const ok = (d: string | null) => (n.date === null ? d === null : d !== null && d.startsWith(n.date));
      if (ok(dates[0][1]) !== ok(dates[2][1]))
        (onlyRight[ok(dates[0][1]) ? 'findDate' : 'chrono strict'] ??= []).push(
          `${p.id} (${dates[0][1]} / ${dates[2][1]}, is ${n.date})`,
        );
      for (const [name, date] of dates) {
        const row = (rows[name] ??= { right: 0, exact: 0, wrong: [], missing: 0, falseDate: 0 });
        if (n.date === null) {
          if (date !== null) row.falseDate += 1;
        } else if (date === null) row.missing += 1;
        else if (date.startsWith(n.date)) {
          row.right += 1;
          if (date === n.date) row.exact += 1;
        } else row.wrong.push(`${p.id}: ${date} (is ${n.date})`);
      }
    }
    console.log(
      `\n## ${withRef ? 'with the published date as reference for year-less dates (casual chrono reads "today" as the reference, which is the truth: a leak, not a skill)' : 'no reference date (chrono needs one: it takes the clock, so "today" is the day the script runs)'} (${items.length} items, ${dated} dated)`,
    );
    console.log(
      '| method | right (startsWith truth) | exact precision | no date | wrong date | date where truth has none |',
    );
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const [name, r] of Object.entries(rows)) {
      console.log(
        `| ${name} | ${pct(r.right, dated)} (${r.right}) | ${r.exact} | ${r.missing} | ${r.wrong.length} | ${r.falseDate} of ${items.length - dated} |`,
      );
    }
    for (const [name, r] of Object.entries(rows))
      if (r.wrong.length) console.log(`  ${name} wrong: ${r.wrong.join(' ; ')}`);
    for (const [name, list] of Object.entries(onlyRight))
      console.log(
        `  right only by ${name} against the other of findDate / chrono strict (${list.length}): ${list.join(' ; ')}`,
      );
  }

  // Hand-made cases: the reference is a page dated Wednesday 2025-01-15.
  const REF = '2025-01-15';
  const cases: Array<[string, string | null]> = [
    ['Nov. 4', '2024-11-04'],
    ['The deal closed on Nov. 4.', '2024-11-04'],
    ['LONDON, 4 March 2024 – Acme today announced', '2024-03-04'],
    ['AUSTIN, Texas, Feb. 3, 2025 /PRNewswire/ -- Acme', '2025-02-03'],
    ['on Sept. 30, 2024', '2024-09-30'],
    ['the 4th of March, 2024', '2024-03-04'],
    ['on January 2nd', '2025-01-02'],
    ['last Tuesday', '2025-01-14'],
    ['The company said on Monday', '2025-01-13'],
    ['yesterday', '2025-01-14'],
    ['in June', '2024-06'],
    ['in March 2023', '2023-03'],
    ['December 2024', '2024-12'],
    ['earlier this year', '2025'],
    ['last year', '2024'],
    ['in late 2023', '2023'],
    ['mid-2022', '2022'],
    ['Founded in 1999, it has 200 employees.', '1999'],
    ['2024-03-04', '2024-03-04'],
    ['a Series A led by March Capital', null],
    ['a round led by August Capital and Index Ventures', null],
    ['The company may raise $5 million.', null],
    ['It serves 2,000 customers in 40 countries.', null],
    ['Acme, a second-quarter leader, now has 300 staff.', null],
  ];
  console.log(`\n# Dates: hand-made strings, page dated ${REF} (a Wednesday)`);
  console.log('| text | expected | findDate | chrono-node | chrono-node forwardDate | chrono strict |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const score = { findDate: 0, chrono: 0, chronoForward: 0, strict: 0 };
  for (const [text, expected] of cases) {
    const a = findDate(text, REF);
    const b = chronoDate(text, REF);
    const c = chronoDate(text, REF, true);
    score.findDate += Number(a === expected);
    score.chrono += Number(b === expected);
    score.chronoForward += Number(c === expected);
    const d = chronoStrict(text, REF);
    score.strict += Number(d === expected);
    const mark = (v: string | null) => `${v ?? '–'}${v === expected ? '' : ' ✗'}`;
    console.log(`| ${text} | ${expected ?? '–'} | ${mark(a)} | ${mark(b)} | ${mark(c)} | ${mark(d)} |`);
  }
  console.log(
    `| right | | ${score.findDate}/${cases.length} | ${score.chrono}/${cases.length} | ${score.chronoForward}/${cases.length} | ${score.strict}/${cases.length} |`,
  );

  // Datelines the set's pages carry, as page.ts's DATELINE finds them: both readers on the date part and the whole line.
  const DATELINE_HINT =
    /^(?:[\p{Lu}][\p{Lu}\p{L} .,'’-]{1,60}?[,–—-]\s*)?(?:\p{Lu}[a-z]{2,8}\.?\s\d{1,2},?\s\d{4}|\d{1,2}\s\p{Lu}[a-z]{2,8}\.?,?\s\d{4}|\d{4}-\d{2}-\d{2})\b/u;
  const lines = passages.flatMap((p) =>
    p.units
      .slice(0, 6)
      .filter((u) => DATELINE_HINT.test(u))
      .map((u) => ({ id: p.id, u })),
  );
  let agree = 0;
  const disagree: string[] = [];
  for (const { id, u } of lines) {
    const a = findDate(u);
    const b = chronoDate(u, null);
    if (a === b) agree += 1;
    else disagree.push(`${id}: "${u.slice(0, 70)}" findDate ${a} chrono ${b}`);
  }
  console.log(
    `\n# Dateline-like opening lines in the set: ${lines.length}; same date from both ${agree}; differing ${disagree.length}`,
  );
  for (const d of disagree) console.log(`  ${d}`);

  // Every sentence of the set: how often each finds a date the other does not, and the time each takes.
  let t0 = performance.now();
  const fd = passages.flatMap((p) => p.units.map((u) => findDate(u)));
  const tFind = performance.now() - t0;
  t0 = performance.now();
  const cd = passages.flatMap((p) => p.units.map((u) => chronoDate(u, null)));
  const tChrono = performance.now() - t0;
  t0 = performance.now();
  const cdAny = passages.flatMap((p) =>
    p.units.map((u) => chrono!.parse(u, new Date(`${REF}T12:00:00Z`))[0]?.text ?? null),
  );
  const tChronoRef = performance.now() - t0;
  const units = passages.flatMap((p) => p.units.map((u) => `${p.id}: ${u}`));
  const onlyChrono = units.filter((_, i) => cd[i] !== null && fd[i] === null);
  const onlyFind = units.filter((_, i) => fd[i] !== null && cd[i] === null);
  const differ = units.filter((_, i) => fd[i] !== null && cd[i] !== null && fd[i] !== cd[i]);
  const anyChrono = cdAny.filter((t) => t !== null);
  console.log(
    `\n# Every sentence (${units.length}), no reference: findDate dates ${fd.filter(Boolean).length}, chrono (year stated) ${cd.filter(Boolean).length}; chrono only ${onlyChrono.length}, findDate only ${onlyFind.length}, both but different ${differ.length}`,
  );
  console.log(
    `chrono with a reference finds something in ${anyChrono.length} sentences (year-less and relative included)`,
  );
  console.log(
    `time per 1,000 sentences: findDate ${((tFind / units.length) * 1000).toFixed(1)} ms, chrono-node ${((tChrono / units.length) * 1000).toFixed(0)} ms (${((tChronoRef / units.length) * 1000).toFixed(0)} ms with a reference)`,
  );
  if (SAMPLE) {
    const show = (label: string, list: string[], idx: (s: string) => number) =>
      console.log(
        `  ${label}:\n${sample(list, 12)
          .map((s) => `    ${s.slice(0, 150)} => findDate ${fd[idx(s)]} chrono ${cd[idx(s)]}`)
          .join('\n')}`,
      );
    const at = (s: string) => units.indexOf(s);
    show('chrono only', onlyChrono, at);
    show('findDate only', onlyFind, at);
    show('both, different', differ, at);
    console.log(
      `  chrono with reference, sample of texts it reads as dates: ${sample(anyChrono as string[], 40).join(' | ')}`,
    );
  }
}
