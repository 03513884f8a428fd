// `npm run eval [-- options]`: scores company lookups on the real-text set (tests/fixtures/intel/realworld).
//   --company NAME     only companies whose name contains NAME
//   --facts            list each false fact and each missed executive
//   --llm PROVIDER     extract with an LLM: openai (any OpenAI-compatible server), anthropic or groq
//   --base-url URL     the LLM's base URL (e.g. http://127.0.0.1:11434/v1 for Ollama)
//   --model NAME       the LLM's model
// The LLM's key comes from OPENAI_API_KEY, ANTHROPIC_API_KEY or GROQ_API_KEY; a loopback model needs none.
import { parseArgs } from 'node:util';
import { evaluateRealworld, type EvalLlm } from './evaluate';
import { totals, samePerson, type CompanyScore, type Totals } from './score';
import { loadRealworldSet } from './realworld-set';
import { GOALS } from './goals';

const { values } = parseArgs({
  options: {
    company: { type: 'string' },
    facts: { type: 'boolean', default: false },
    llm: { type: 'string' },
    'base-url': { type: 'string' },
    model: { type: 'string' },
  },
});

function llmFromArgs(): EvalLlm | undefined {
  if (!values.llm) return undefined;
  const provider = values.llm as EvalLlm['provider'];
  if (!['openai', 'anthropic', 'groq'].includes(provider))
    throw new Error(`--llm must be openai, anthropic or groq, not "${values.llm}"`);
  if (!values['base-url'] || !values.model) throw new Error('--llm needs --base-url and --model');
  const apiKey = process.env[`${provider.toUpperCase()}_API_KEY`];
  return { provider, baseUrl: values['base-url'], model: values.model, ...(apiKey ? { apiKey } : {}) };
}

const pct = (n: number) => n.toFixed(2);
const pad = (text: string | number, width: number) => String(text).padEnd(width);

function companyRow(s: CompanyScore): string {
  const e = s.executives;
  return [
    pad(s.company.slice(0, 30), 31),
    pad(s.split, 8),
    pad(`${e.correct}/${e.returned}/${e.truth}`, 11),
    pad(`${s.funding.fullyRight}/${s.funding.truth}`, 8),
    pad(`${s.news.dated}/${s.news.returned}`, 8),
    pad(`${s.overview.found}/${s.overview.truth}`, 9),
    pad(s.falseFacts.length, 6),
    s.identityError ?? '',
  ].join('');
}

function totalsRow(label: string, t: Totals): string {
  return [
    pad(label, 10),
    pad(t.companies, 10),
    pad(pct(t.executivesPrecision), 11),
    pad(pct(t.executivesRecall), 11),
    pad(`${t.fundingFullyRight}/${t.fundingTruth}`, 10),
    pad(t.falseFacts, 7),
    pad(`${pct(t.newsDatedShare)} of ${t.newsReturned}`, 13),
    pad(pct(t.overviewRecall), 10),
    t.identityErrors,
  ].join('');
}

const llm = llmFromArgs();
const only = values.company
  ? (c: { company: string }) => c.company.toLowerCase().includes(values.company!.toLowerCase())
  : undefined;
const started = Date.now();
const { scores } = await evaluateRealworld({ llm, only });
const set = loadRealworldSet();

console.log(
  `Real-text evaluation: ${set.length} companies, ${set.reduce((n, c) => n + c.passages.length, 0)} passages; extraction: ${llm ? `${llm.provider} ${llm.model}` : 'deterministic'}; ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
console.log(
  `${pad('company', 31)}${pad('split', 8)}${pad('exec c/r/t', 11)}${pad('funding', 8)}${pad('dated', 8)}${pad('overview', 9)}${pad('false', 6)}identity`,
);
for (const score of scores) {
  console.log(companyRow(score));
  if (values.facts) {
    for (const fact of score.falseFacts) console.log(`    false: ${fact}`);
    for (const miss of score.fundingMisses) console.log(`    funding not right: ${miss}`);
    const company = set.find((c) => c.company === score.company)!;
    const missed = company.truth.executives.filter((t) => !score.found.some((name) => samePerson(name, t.name)));
    for (const executive of missed) console.log(`    missed: ${executive.name}, ${executive.title}`);
  }
}
console.log(
  `\n${pad('split', 10)}${pad('companies', 10)}${pad('exec P', 11)}${pad('exec R', 11)}${pad('funding', 10)}${pad('false', 7)}${pad('news dated', 13)}${pad('overview', 10)}identity errors`,
);
const rows: [string, CompanyScore[]][] = [
  ['tune', scores.filter((s) => s.split === 'tune')],
  ['holdout', scores.filter((s) => s.split === 'holdout')],
  ['all', scores],
];
for (const [label, group] of rows) console.log(totalsRow(label, totals(group)));
// Which sections the false facts are in, per split: where holdout goes wrong without reading its facts.
console.log('\nFalse facts by section:');
for (const [label, group] of rows) {
  const bySection = new Map<string, number>();
  for (const fact of group.flatMap((s) => s.falseFacts)) {
    const section = /^(\w+)/.exec(fact)![1]!.replace(/^executives$/, 'executive');
    bySection.set(section, (bySection.get(section) ?? 0) + 1);
  }
  console.log(`  ${pad(label, 8)}${[...bySection].map(([section, n]) => `${section} ${n}`).join(', ') || 'none'}`);
}
const all = totals(scores);
console.log('\nGoals on the whole set:');
for (const goal of GOALS) console.log(`  ${goal.met(all) ? 'met    ' : 'not met'}  ${goal.label}: ${goal.show(all)}`);
