import type { CompanyTarget, Document } from '../component';
import type { NewsEvent, TriggerKind } from '../domain';
import { ownMentions } from '../relevance';
import { readPage, type PageReader } from '../read/page';
import { findDate } from '../dates';
import { looksLikeInstruction } from '../text';

const TRIGGERS: [TriggerKind, RegExp][] = [
  ['funding', /\b(?:raise[sd]?|funding|Series [A-H]|investment round|valuation)\b/i],
  ['acquisition', /\b(?:acquire[sd]?|acquisition|merger|buys)\b/i],
  ['launch', /\b(?:launch(?:es|ed)?|unveil(?:s|ed)?|introduc(?:es|ed)|releas(?:es|ed)|debut(?:s|ed)?|rolls out)\b/i],
  ['partnership', /\b(?:partner(?:s|ed|ship)?|collaborat(?:es|ion)|teams up|alliance)\b/i],
  ['expansion', /\b(?:expan(?:ds|ded|sion)|opens?|opened|new office|enters|entered)\b/i],
  ['hire', /\b(?:appoint(?:s|ed)|hires?|hired|names|named|joins|promot(?:es|ed))\b/i],
  ['award', /\b(?:award(?:s|ed)?|wins|recogni[sz]ed)\b/i],
];

/** How strong a reason to reach out each trigger is. */
const TRIGGER_WEIGHT: Record<TriggerKind, number> = {
  funding: 1,
  acquisition: 0.9,
  expansion: 0.85,
  hire: 0.8,
  launch: 0.75,
  partnership: 0.7,
  award: 0.5,
  other: 0.3,
};
const HALF_LIFE_DAYS = 60;

export interface NewsFinding {
  event: NewsEvent;
  evidence: string;
  document: Document;
}

export function classifyTrigger(text: string): TriggerKind {
  return TRIGGERS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}

/** "Why now" score: trigger weight times a recency decay with a 60-day half-life (undated news counts as old). */
export function whyNowScore(trigger: TriggerKind, date: string | null, now: number): number {
  const time = date ? Date.parse(date.length === 4 ? `${date}-07-01` : date.length === 7 ? `${date}-15` : date) : NaN;
  const ageDays = Number.isNaN(time) ? 365 : Math.max(0, (now - time) / 86_400_000);
  return Math.round(TRIGGER_WEIGHT[trigger] * Math.pow(0.5, ageDays / HALF_LIFE_DAYS) * 1000) / 1000;
}

/** A sentence a reader would quote: it ends like one and has a verb's worth of words, unlike a heading or a byline. */
const isProse = (unit: string) => /[.!?]["”’)]?$/.test(unit) && unit.split(/\s+/).length >= 6;

/**
 * One event per news-like page about the target (releases, articles, announcements; not team pages,
 * profiles or job ads). Its summary: the first real sentence naming the company, else the first real
 * sentence, never the headline repeated. Its date: the provider's published date, the dateline, else a
 * date the opening sentences state to the month or day.
 */
export function extractNews(
  documents: Document[],
  target: CompanyTarget,
  now = Date.now(),
  read: PageReader = readPage,
): NewsFinding[] {
  const findings: NewsFinding[] = [];
  for (const document of documents) {
    const page = read(document, target);
    if (!page.newsLike || looksLikeInstruction(document.title)) continue;
    const candidates = page.units.filter((unit) => unit !== document.title.trim() && isProse(unit));
    const sentence = candidates.find((unit) => ownMentions(unit, page.target) > 0) ?? candidates[0];
    if (!sentence) continue;
    const summary = sentence;
    const trigger = classifyTrigger(`${document.title} ${summary}`);
    const stated = [summary, ...page.units.slice(0, 3)]
      .map((unit) => findDate(unit))
      .find((date) => date !== null && date.length >= 7);
    const date = page.date ?? stated ?? null;
    findings.push({
      event: {
        date,
        title: document.title,
        summary,
        trigger,
        score: whyNowScore(trigger, date, now),
        sources: [document.url],
      },
      evidence: sentence,
      document,
    });
  }
  return findings.sort((a, b) => b.event.score - a.event.score);
}
