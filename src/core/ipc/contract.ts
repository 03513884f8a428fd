import type { z } from 'zod';
import type { ChannelSchema } from './define';
import type { PickedFile } from './file-tokens';
import { settingsChannels } from './channels/settings';
import { systemChannels } from './channels/system';
import { leadChannels, leadEvents } from './channels/leads';
import { draftChannels } from './channels/drafts';
import { enrichmentChannels, enrichmentEvents } from './channels/enrichment';
import { intelChannels, intelEvents } from './channels/intel';
import { watchChannels } from './channels/watch';
import { companyChannels } from './channels/companies';
import { planChannels } from './channels/plans';
import { workflowChannels } from './channels/workflows';
import { reportExportChannels } from './channels/report-export';

/** Every IPC channel: its request and response schemas. Main validates both directions against these. */
export const contract = {
  ...systemChannels,
  ...settingsChannels,
  ...leadChannels,
  ...draftChannels,
  ...enrichmentChannels,
  ...intelChannels,
  ...watchChannels,
  ...companyChannels,
  ...planChannels,
  ...workflowChannels,
  ...reportExportChannels,
} satisfies Record<string, ChannelSchema>;

/** Events main pushes to the renderer (progress of long work); payloads validated before sending. */
export const events = {
  ...leadEvents,
  ...enrichmentEvents,
  ...intelEvents,
} satisfies Record<string, z.ZodType>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Request<C extends Channel> = z.input<Contract[C]['request']>;
export type Response<C extends Channel> = z.output<Contract[C]['response']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The typed API the preload exposes as `window.crm`, derived from the contract. */
export type CrmApi = {
  [C in Channel]: (request: Request<C>) => Promise<Response<C>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** A token for a file dropped on the window (main issues it); null outside the desktop app. */
  fileForDrop(file: File): Promise<PickedFile | null>;
};
