import { z } from 'zod';
import { fundingEventSchema, type Fact } from '../../intel/domain';
import { toGroundingFacts } from '../../outreach/compose/fact-grounding';
import { roleFromTitle } from '../../outreach/compose/role';
import { strongestWhyNow } from '../../outreach/compose/why-now';
import type { LeadWorkSettings } from '../../settings/lead-work-settings';
import { seniorityFromTitle } from './seniority';

export const SIGNAL_NAMES = ['recentRound', 'whyNowNews', 'seniority', 'function', 'email', 'status'] as const;

export const scoreSignalSchema = z.object({
  name: z.enum(SIGNAL_NAMES),
  /** What the signal says, in the analyst's words. */
  label: z.string(),
  points: z.number(),
  /** Where it comes from: a stored fact (its source page) or a field of the lead. */
  source: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('fact'),
      factId: z.number().int(),
      url: z.string(),
      title: z.string(),
      date: z.string().nullable(),
    }),
    z.object({ kind: z.literal('lead'), field: z.string(), value: z.string() }),
  ]),
});
export type ScoreSignal = z.infer<typeof scoreSignalSchema>;

export const leadScoreSchema = z.object({ score: z.number(), signals: z.array(scoreSignalSchema) });
export type LeadScore = z.infer<typeof leadScoreSchema>;

/** What of a lead the score reads. */
export interface ScoredLead {
  title: string | null;
  email: string | null;
  status: string | null;
  company: string | null;
}

/** A round counts as recent this many days after its date. */
export const RECENT_ROUND_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * A lead's score: the sum of the weights (settings `leads.scoreWeights`) of the signals that hold, each
 * listed with where it comes from. `facts` are the facts of the lead's company's latest report.
 */
export function scoreLead(lead: ScoredLead, facts: readonly Fact[], settings: LeadWorkSettings, now: Date): LeadScore {
  const weights = settings.scoreWeights;
  const signals: ScoreSignal[] = [];

  const round = newestRecentRound(facts, now);
  if (round) {
    signals.push({
      name: 'recentRound',
      label: `Funding round in the last ${RECENT_ROUND_DAYS} days (${round.date})`,
      points: weights.recentRound,
      source: factSource(round.fact, round.date),
    });
  }
  const news = strongestWhyNow(
    toGroundingFacts(
      facts.filter((f) => f.section === 'news'),
      lead.company ?? '',
    ),
    now,
  );
  const newsFact = news && facts.find((f) => f.id === news.id);
  if (news && newsFact)
    signals.push({
      name: 'whyNowNews',
      label: `Why now: ${news.text}`,
      points: weights.whyNowNews,
      source: factSource(newsFact, news.date),
    });

  const seniority = seniorityFromTitle(lead.title);
  if (seniority && settings.targetRoles.seniority.includes(seniority)) {
    signals.push({
      name: 'seniority',
      label: `Seniority matches the target roles (${seniority})`,
      points: weights.seniority,
      source: { kind: 'lead', field: 'title', value: lead.title! },
    });
  }
  const area = roleFromTitle(lead.title).area;
  if (area && (settings.targetRoles.functions as readonly string[]).includes(area)) {
    signals.push({
      name: 'function',
      label: `Function matches the target roles (${area})`,
      points: weights.function,
      source: { kind: 'lead', field: 'title', value: lead.title! },
    });
  }
  if (lead.email)
    signals.push({
      name: 'email',
      label: 'Email address present',
      points: weights.email,
      source: { kind: 'lead', field: 'email', value: lead.email },
    });
  if (lead.status)
    signals.push({
      name: 'status',
      label: `Status: ${lead.status}`,
      points: weights.status[lead.status] ?? 0,
      source: { kind: 'lead', field: 'status', value: lead.status },
    });

  return { score: signals.reduce((sum, s) => sum + s.points, 0), signals };
}

function newestRecentRound(facts: readonly Fact[], now: Date): { fact: Fact; date: string } | null {
  let newest: { fact: Fact; date: string; at: number } | null = null;
  for (const fact of facts) {
    if (fact.section !== 'funding') continue;
    const event = fundingEventSchema.safeParse(fact.value);
    const date = event.success ? event.data.date : null;
    // A round dated only to its year or month is not known to be recent.
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    const at = Date.parse(date);
    const ageDays = (now.getTime() - at) / DAY_MS;
    if (ageDays > RECENT_ROUND_DAYS || ageDays < -2) continue;
    if (!newest || at > newest.at) newest = { fact, date, at };
  }
  return newest;
}

function factSource(fact: Fact, date: string | null): ScoreSignal['source'] {
  return {
    kind: 'fact',
    factId: fact.id,
    url: fact.source.url,
    title: fact.source.title,
    date: date ?? fact.source.publishedDate,
  };
}
