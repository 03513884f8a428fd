import { notifyProvider } from './definition';

/**
 * A Slack incoming webhook, or a service that accepts its payload (Mattermost, Rocket.Chat, Discord's
 * `/slack` endpoint). Slack allows about one message a second per webhook.
 */
export const slackWebhook = notifyProvider({
  id: 'slack',
  label: 'Slack-compatible webhook',
  role: 'Alerts to a chat channel (Slack, Mattermost, Rocket.Chat)',
  format: 'slack',
  auth: { type: 'secret-url', envVariable: 'SLACK_WEBHOOK_URL' },
  rateLimit: { requestsPerMinute: 60, burst: 5 },
});
