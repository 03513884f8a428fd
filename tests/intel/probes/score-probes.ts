import { extractExecutives } from '../../../src/core/intel/extract/executives';
import type { Document } from '../../../src/core/intel/component';
import type { ExecutiveProbe } from './executive-probes';

/** Name words without accents, case or punctuation, for telling whether two spellings name one person. */
const words = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !['jr', 'md', 'phd'].includes(w));
/** The same person: the given name and the family name of the shorter spelling are both in the other. */
function samePerson(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)].sort((p, q) => p.length - q.length);
  return x!.length > 0 && x![0] === y![0] && x![x!.length - 1] === y![y!.length - 1];
}

export interface ProbeResult {
  probe: ExecutiveProbe;
  returned: { name: string; title: string }[];
  /** Expected executives found with a right title. */
  right: number;
  /** Returned people not expected (or expected with a wrong title) and not optional. */
  wrong: string[];
  missed: string[];
}

export async function runProbe(probe: ExecutiveProbe): Promise<ProbeResult> {
  const document: Document = {
    url: probe.url,
    title: probe.title,
    content: probe.text,
    rawContent: probe.text,
    publishedDate: probe.publishedDate,
    score: 1,
    provider: 'tavily',
  };
  const target = { name: probe.company, domain: null, aliases: [], others: [] };
  const findings = await extractExecutives([document], target, undefined, Date.parse('2025-06-01'));
  const returned = [
    ...new Map(
      findings.map((f) => {
        const [name, title] = f.value.split(' | ') as [string, string];
        return [name, { name, title }];
      }),
    ).values(),
  ];
  const rightPeople = probe.executives.filter((e) =>
    returned.some((r) => samePerson(r.name, e.name) && e.title.test(r.title)),
  );
  const wrong = returned
    .filter(
      (r) =>
        !rightPeople.some((e) => samePerson(r.name, e.name)) &&
        !(probe.optional ?? []).some((o) => samePerson(r.name, o)),
    )
    .map((r) => `${r.name} | ${r.title}`);
  const missed = probe.executives.filter((e) => !rightPeople.includes(e)).map((e) => e.name);
  return { probe, returned, right: rightPeople.length, wrong, missed };
}

export interface ProbeScore {
  precision: number;
  recall: number;
  expected: number;
  returned: number;
  right: number;
  wrong: number;
  /** Wrongly returned people the probe names as must-not-appear. */
  mustNotReturned: number;
}

export function score(results: ProbeResult[]): ProbeScore {
  const right = results.reduce((n, r) => n + r.right, 0);
  const wrong = results.reduce((n, r) => n + r.wrong.length, 0);
  const expected = results.reduce((n, r) => n + r.probe.executives.length, 0);
  const mustNotReturned = results.reduce(
    (n, r) => n + r.returned.filter((x) => r.probe.mustNot.some((m) => samePerson(x.name, m))).length,
    0,
  );
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    precision: round(right / Math.max(1, right + wrong)),
    recall: round(right / Math.max(1, expected)),
    expected,
    returned: right + wrong,
    right,
    wrong,
    mustNotReturned,
  };
}
