import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNEL, type Bridge } from '../../../shared/bridge';

/**
 * The whole of what the renderer can reach in main: one function that sends a contract call
 * over one IPC channel. Checklist 20: no ipcRenderer, no channel names, no Node; checklist 3:
 * contextBridge copies it into the isolated page. Sandboxed preloads may only require
 * 'electron', so tools/build-electron.mjs bundles this file (with BRIDGE_CHANNEL) into one
 * CommonJS file.
 */
const bridge: Bridge = {
  invoke: (method, input) => ipcRenderer.invoke(BRIDGE_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld('bridge', bridge);
