import type { CrmApi } from '../core/ipc/contract';

declare global {
  interface Window {
    /** The only way the page reaches the app: one async function per IPC channel, plus `on` for events. */
    readonly crm: CrmApi;
  }
}

export {};
