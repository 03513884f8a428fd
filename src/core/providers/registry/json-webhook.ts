import { notifyProvider } from './definition';

/** Any HTTPS endpoint that takes the alerts, their facts and sources as JSON (Zapier, n8n, a CRM's hook). */
export const jsonWebhook = notifyProvider({
  id: 'webhook',
  label: 'JSON webhook',
  role: 'Alerts with their facts and sources, as JSON, to an address of yours',
  format: 'json',
  auth: { type: 'secret-url', envVariable: 'ALERT_WEBHOOK_URL' },
  rateLimit: { requestsPerMinute: 60, burst: 5 },
});
