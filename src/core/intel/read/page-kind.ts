import { hostOf } from '../text';
import { PERSON_NAME } from './names';
import { TITLES } from './titles';

/** Why a page that tells of an event is still no news report: a reader files it as one of these instead. */
export type NotNewsKind = 'opinion' | 'company post' | 'digest' | 'aggregator' | 'listicle' | 'filing';

/** A headline that asks ("Is it worth it?", "... But why?"): the writer's question, an analysis, not a report. */
const QUESTION_TITLE = /\?["”’)]?\s*(?:[|–—-]\s*[^?|–—-]{2,40})?$/;
/** An explainer's or blogger's summary box. */
const TAKEAWAYS = /\bkey takeaways\b/i;
/**
 * A headline in the company's own voice ("Our model is now patented", "We're hiring in Austin", "Ten lessons from
 * backing our newest unicorn"): "our" anywhere outside a quotation is the writer's organisation speaking.
 */
const FIRST_PERSON_TITLE = /^(?:our|we(?:['’](?:re|ve|ll))?)\s|\bour\b/i;
/** A quotation in a headline ('Monzo chief: "Our customers come first"'): someone quoted, not the writer's voice. */
const QUOTED = /["“][^"”]*["”]|(?:^|\s)['‘][^'’]*['’](?=\s|$|[:,.])/g;
/** A read time followed by an author who holds a job ("15 min read Jane Doe - Chief Product Officer"): staff writing on their own site. */
const STAFF_BYLINE = new RegExp(
  `\\bmin(?:ute)?s?\\sread\\b[\\s|·•]*${PERSON_NAME}\\s?[,|–—-]\\s?(?:the\\s)?${TITLES}`,
  'u',
);
/**
 * The read time a staff byline starts with: most openings have none, and the byline's own pattern (every
 * title) is slow to compile and run, so it is tried only after this.
 */
const READ_TIME = /\bmin(?:ute)?s?\sread\b/;
/** Many items in one page: briefs, a weekly round-up, an issue's table of contents. */
const DIGEST_TITLE =
  /\b(?:briefs|week of|week in review|round-?up|digest|weekly (?:reads|news|briefing|recap|update))\b|^weekly\b/i;
const DIGEST_OPENING = /\bin this issue\b/i;
/** News apps that show other publishers' stories among their own feeds, menus and ads. */
const AGGREGATOR = /\b(?:newsbreak|flipboard|smartnews|ground news|newsnow)\b/i;
/** An aggregator's name ending the headline ("Acme raises $5M – NewsBreak"). */
const AGGREGATOR_TITLE = new RegExp(`[|–—-]\\s*${AGGREGATOR.source}\\s*$`, 'i');
const AGGREGATOR_HOST = /(?:^|\.)(?:newsbreak\.com|flipboard\.com|smartnews\.com|ground\.news|newsnow\.co\.uk)$/;
/** An awards page lists its winners: a list, not a report on one company. */
const AWARD_WINNERS = /\bawards?\s(?:\d{4}\s)?winners\b/i;
/** A periodic report to shareholders is a filing, whatever it announces. */
const REPORT_TITLE = /\b(?:half-year report|interim report|report and accounts)\b/i;

/**
 * What a careful reader files a page as when it reports no news of its own, from its title, its URL and
 * the opening of its text as the page shows it (bylines and read times included); null for a report.
 */
export function notNewsKind(title: string, url: string, opening: string): NotNewsKind | null {
  const name = title.trim();
  if (REPORT_TITLE.test(name)) return 'filing';
  if (AGGREGATOR_HOST.test(hostOf(url) ?? '') || AGGREGATOR_TITLE.test(name)) return 'aggregator';
  if (DIGEST_TITLE.test(name) || DIGEST_OPENING.test(opening)) return 'digest';
  if (AWARD_WINNERS.test(opening)) return 'listicle';
  if (FIRST_PERSON_TITLE.test(name.replace(QUOTED, ' ')) || (READ_TIME.test(opening) && STAFF_BYLINE.test(opening)))
    return 'company post';
  if (QUESTION_TITLE.test(name) || TAKEAWAYS.test(opening)) return 'opinion';
  return null;
}
