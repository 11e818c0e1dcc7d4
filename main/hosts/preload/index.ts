import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNEL, PRINT_PDF_CHANNEL, type Bridge, type PrintToPdfResult } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';

/**
 * The whole of what the renderer can reach in main: a contract call and "Save as PDF", each
 * over its own IPC channel. Checklist 20: no ipcRenderer, no channel names, no Node; checklist
 * 3: contextBridge copies it into the isolated page. Sandboxed preloads may only require
 * 'electron', so tools/build-electron.mjs bundles this file (with the channel names) into one
 * CommonJS file.
 */
const bridge: Bridge = {
  invoke: (method, input, organisationId) => ipcRenderer.invoke(BRIDGE_CHANNEL, method, input, organisationId),
  printToPdf: async ({ title }) => {
    // Only the title crosses; main answers with a Result, and a refusal becomes a plain Error
    // (an exception thrown in main would arrive wrapped in Electron's own wording).
    const result = (await ipcRenderer.invoke(PRINT_PDF_CHANNEL, { title })) as Result<PrintToPdfResult>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);
