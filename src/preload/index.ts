import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createIpcBridge, installCrmApi } from './crm-api';
import { decodeIpcNames } from './ipc-names';

const names = decodeIpcNames(process.argv);
contextBridge.executeInMainWorld({
  func: installCrmApi,
  args: [createIpcBridge(ipcRenderer, names, (file) => webUtils.getPathForFile(file)), names],
});
