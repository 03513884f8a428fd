/**
 * The sandboxed preload cannot load the contract (it imports zod and core modules, and a sandboxed
 * preload may only `require('electron')`), so main hands it the names of the channels and events as one
 * command-line argument of the renderer process (`webPreferences.additionalArguments`).
 */
export const IPC_NAMES_ARGUMENT = '--crm-ipc-names=';

/**
 * The one channel outside the contract: the preload turns a file dropped on the window into a token. It is
 * not in the names the page may call, so only the preload (with a path from `webUtils`, which has one only
 * for a file the analyst really dropped) reaches it.
 */
export const DROPPED_FILE_CHANNEL = 'preload:droppedFile';

export interface IpcNames {
  channels: string[];
  events: string[];
}

export function encodeIpcNames(names: IpcNames): string {
  return `${IPC_NAMES_ARGUMENT}${JSON.stringify(names)}`;
}

export function decodeIpcNames(argv: readonly string[]): IpcNames {
  const argument = argv.find((value) => value.startsWith(IPC_NAMES_ARGUMENT));
  if (!argument)
    throw new Error(`The preload was started without ${IPC_NAMES_ARGUMENT}: main must pass the IPC names.`);
  const names = JSON.parse(argument.slice(IPC_NAMES_ARGUMENT.length)) as IpcNames;
  if (!Array.isArray(names.channels) || !Array.isArray(names.events)) throw new Error('Malformed IPC names argument.');
  return names;
}
