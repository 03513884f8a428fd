import type { CompanyTarget, Document } from '../component';
import type { FundingEvent } from '../../domain/intel';
import { usableSentences } from '../relevance';
import { findDate, isoDay } from '../dates';

export interface FundingFinding {
  event: FundingEvent;
  evidence: string;
  document: Document;
}

const AMOUNT = /(?:(US\$|\$|€|£|USD |EUR |GBP )\s?(\d+(?:\.\d+)?)\s?(million|billion|mn|bn|m|b)\b|(\d+(?:\.\d+)?)\s?(million|billion) (dollars|euros|pounds))/i;
const ROUND = /\b(Pre-Seed|Seed|Series [A-H]\d?(?:\+| extension)?|Growth|Bridge|Debt|IPO)\b(?: (?:funding |financing )?round)?/i;
const RAISE = /\b(?:rais(?:ed|es|ing)|secur(?:ed|es)|clos(?:ed|es)|announc(?:ed|es)|completed|landed)\b/i;
const ORG = "[A-Z][\\w&'’.-]*(?: [A-Z][\\w&'’.-]*)*";
const LED_BY = new RegExp(`\\bled by (${ORG})`);
const PARTICIPATION = new RegExp(`\\b(?:participation from|joined by|investors include|backed by|along with) ((?:${ORG})(?:,? (?:and )?(?:${ORG}))*)`);

const CURRENCY: Record<string, string> = { $: 'USD', us$: 'USD', usd: 'USD', dollars: 'USD', '€': 'EUR', eur: 'EUR', euros: 'EUR', '£': 'GBP', gbp: 'GBP', pounds: 'GBP' };

function amountOf(match: RegExpExecArray): { amount: number; currency: string } {
  const symbol = (match[1] ?? match[6] ?? '$').trim().toLowerCase();
  const number = Number(match[2] ?? match[4]);
  const scale = (match[3] ?? match[5] ?? '').toLowerCase().startsWith('b') ? 1e9 : 1e6;
  return { amount: Math.round(number * scale), currency: CURRENCY[symbol] ?? 'USD' };
}

function splitNames(list: string): string[] {
  return list
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((s) => s.trim())
    .filter((s) => /^[A-Z]/.test(s));
}

/** Funding rounds: a sentence with a raise verb and an amount or round name; lead and other investors when named. */
export function extractFunding(documents: Document[], target: CompanyTarget): FundingFinding[] {
  const findings: FundingFinding[] = [];
  for (const document of documents) {
    for (const sentence of usableSentences(document, target)) {
      const amount = AMOUNT.exec(sentence);
      const round = ROUND.exec(sentence);
      if (!RAISE.test(sentence) || (!amount && !round)) continue;
      const money = amount ? amountOf(amount) : null;
      const leads = LED_BY.exec(sentence)?.[1];
      const others = PARTICIPATION.exec(sentence)?.[1];
      const leadInvestors = leads ? splitNames(leads) : [];
      findings.push({
        event: {
          date: findDate(sentence) ?? isoDay(document.publishedDate),
          round: round ? round[1]!.replace(/^series/i, 'Series') : null,
          amount: money?.amount ?? null,
          currency: money?.currency ?? null,
          leadInvestors,
          investors: [...new Set([...leadInvestors, ...(others ? splitNames(others) : [])])],
          sources: [document.url],
        },
        evidence: sentence,
        document,
      });
    }
  }
  return findings;
}

/** One event per round (or amount and year): the same round reported by several sources is merged, sources kept. */
export function mergeFunding(findings: FundingFinding[]): FundingEvent[] {
  const merged = new Map<string, FundingEvent>();
  for (const { event } of findings) {
    const key = event.round ? event.round.toLowerCase() : `${event.amount}-${event.date?.slice(0, 4)}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...event, sources: [...event.sources] });
      continue;
    }
    existing.date ??= event.date;
    existing.amount ??= event.amount;
    existing.currency ??= event.currency;
    existing.leadInvestors = [...new Set([...existing.leadInvestors, ...event.leadInvestors])];
    existing.investors = [...new Set([...existing.investors, ...event.investors])];
    existing.sources = [...new Set([...existing.sources, ...event.sources])];
  }
  return [...merged.values()].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
