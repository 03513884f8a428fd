import type { Db } from '../store/database';
import type { Settings } from '../settings/schema';
import type { SecretStore } from '../secrets/secret-store';
import { isSecureBaseUrl } from '../settings/loopback';
import { postForText } from '../providers/http';
import { emptyStats, type CallStats, type ProviderGateway } from '../providers/gateway/provider-gateway';
import { providerFailure, type ProviderResult } from '../providers/types';
import { NOTIFY_PROVIDER_IDS, providerById, type NotifyProviderId } from '../providers/registry';
import type { NotifyMessage, NotifyProbe } from '../providers/registry/definition';
import { AlertActionsStore } from './alert-actions-store';
import { alertsMessage, jsonPayload, slackPayload } from './webhook-payload';
import type { Alert } from '../watch/domain';

/** A webhook set up today gets the last week's alerts, not the whole history. */
const LOOKBACK_MS = 7 * 24 * 3_600_000;
/** Alerts one run sends per webhook at most; the rest go on the next run. */
const BATCH = 500;

export interface AlertNotificationsOptions {
  db: Db;
  secrets: SecretStore;
  settings: () => Settings;
  gateway: () => ProviderGateway;
}

export interface DeliveryOutcome {
  /** Messages delivered (one per company and refresh), and alerts in them. */
  messages: number;
  alerts: number;
  failed: number;
  stats: CallStats;
  /** Per failed message, what went wrong: the webhook by name and its answer, never its address. */
  errors: string[];
}

const action = (id: NotifyProviderId) => `notify:${id}`;

/**
 * Sends new alerts to the analyst's webhooks (the registered notify providers with an address in the
 * keychain): one message per company and refresh, through the gateway (the provider's rate limit, a
 * timeout, retries with backoff honouring Retry-After). A delivered alert is recorded per webhook, so a
 * failed one is sent again on the next run and none is sent twice.
 */
export class AlertNotifications {
  private readonly store: AlertActionsStore;

  constructor(private readonly options: AlertNotificationsOptions) {
    this.store = new AlertActionsStore(options.db);
  }

  /** One delivery to a webhook without retries: its connection test. */
  probe(id: NotifyProviderId, signal: AbortSignal): NotifyProbe {
    return { send: (message) => this.post(id, message, signal) };
  }

  /** Sends what is pending as of `now` (the scheduler's clock); only the alerts `ids` when given (a plan started by them). */
  async deliverPending(now: () => Date, signal: AbortSignal, ids?: readonly number[]): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = { messages: 0, alerts: 0, failed: 0, stats: emptyStats(), errors: [] };
    const since = new Date(now().getTime() - LOOKBACK_MS).toISOString();
    for (const id of await this.ready()) {
      for (const alerts of byRefresh(this.store.pending(action(id), since, BATCH, { ids }))) {
        if (signal.aborted) return outcome;
        const result = await this.options
          .gateway()
          .send(
            { provider: id, endpoint: 'webhook', params: null, send: (s) => this.post(id, alertsMessage(alerts), s) },
            { signal, stats: outcome.stats },
          );
        if (result.ok) {
          this.store.markDone(
            alerts.map((a) => a.id),
            action(id),
            now().toISOString(),
          );
          outcome.messages += 1;
          outcome.alerts += alerts.length;
        } else {
          outcome.failed += 1;
          outcome.errors.push(result.error.message);
        }
      }
    }
    return outcome;
  }

  /** Notify providers enabled in settings that have an address. */
  private async ready(): Promise<NotifyProviderId[]> {
    const configured = await this.options.secrets.configured();
    return NOTIFY_PROVIDER_IDS.filter((id) => configured[id] && this.options.settings().providers[id].enabled);
  }

  private async post(
    id: NotifyProviderId,
    message: NotifyMessage,
    signal: AbortSignal,
  ): Promise<ProviderResult<string>> {
    const started = performance.now();
    const definition = providerById(id);
    const url = await this.options.secrets.get(id);
    if (!url)
      return providerFailure(id, started, { kind: 'auth', message: `No address is set for the ${definition.label}.` });
    // An address from the environment is not checked as it is saved: it is checked here, before anything is sent.
    if (!isSecureBaseUrl(url))
      return providerFailure(id, started, {
        kind: 'bad_request',
        message: `The ${definition.label} address must be an https URL.`,
      });
    const body = definition.format === 'slack' ? slackPayload(message) : jsonPayload(message);
    const outcome = await postForText({ url, headers: {}, body, signal, label: definition.label });
    if (!outcome.ok) return providerFailure(id, started, outcome.error);
    return {
      ok: true,
      data: outcome.data,
      meta: { provider: id, latencyMs: performance.now() - started, cached: false, credits: 0 },
    };
  }
}

/** Alerts grouped by the refresh that raised them (one company each), in order. */
function byRefresh(alerts: readonly Alert[]): Alert[][] {
  const groups = new Map<number, Alert[]>();
  for (const alert of alerts) groups.set(alert.runId, [...(groups.get(alert.runId) ?? []), alert]);
  return [...groups.values()];
}
