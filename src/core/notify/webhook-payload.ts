import type { Alert } from '../watch/domain';
import type { NotifyMessage } from '../providers/registry/definition';

/** Slack shows at most 10 elements in a context block, and a section's text up to 3,000 characters. */
const SLACK_CONTEXT_ELEMENTS = 10;
const SLACK_SECTION_CHARS = 3000;

/** One company's new alerts from one refresh, as a message: the alerts, their facts and their sources. */
export function alertsMessage(alerts: readonly Alert[]): NotifyMessage {
  const first = alerts[0]!;
  const links = new Map<string, string>();
  for (const alert of alerts)
    for (const source of alert.evidence) if (!links.has(source.url)) links.set(source.url, source.title || source.url);
  return {
    title: `${first.companyName}: ${alerts.length} new alert${alerts.length === 1 ? '' : 's'}`,
    lines: alerts.map((a) => a.summary),
    links: [...links].map(([url, title]) => ({ url, title })),
    data: {
      event: 'alerts',
      company: { id: first.companyId, name: first.companyName },
      runId: first.runId,
      alerts: alerts.map((a) => ({
        id: a.id,
        kind: a.kind,
        summary: a.summary,
        createdAt: a.createdAt,
        facts: a.evidence.map((e) => ({
          text: e.text,
          source: { url: e.url, title: e.title, publishedDate: e.publishedDate },
        })),
      })),
    },
  };
}

/** Slack's mrkdwn treats `&`, `<` and `>` as markup: a company's text must not become a link or a mention. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack's incoming-webhook payload: `text` (what Mattermost, Rocket.Chat and notifications show) and
 * blocks with the alerts and their sources as links.
 */
export function slackPayload(message: NotifyMessage): Record<string, unknown> {
  const text = [`*${escapeMrkdwn(message.title)}*`, ...message.lines.map((line) => `• ${escapeMrkdwn(line)}`)]
    .join('\n')
    .slice(0, SLACK_SECTION_CHARS);
  const sources = message.links.slice(0, SLACK_CONTEXT_ELEMENTS).map((link) => ({
    type: 'mrkdwn',
    text: `<${link.url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(link.title).replace(/\|/g, '/')}>`,
  }));
  return {
    text: [message.title, ...message.lines].join('\n'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      ...(sources.length ? [{ type: 'context', elements: sources }] : []),
    ],
  };
}

/** The generic webhook's payload: the title, the lines, and the structured alerts with facts and sources. */
export function jsonPayload(message: NotifyMessage): Record<string, unknown> {
  return { title: message.title, lines: message.lines, ...message.data };
}
