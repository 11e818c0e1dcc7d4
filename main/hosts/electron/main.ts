import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { BRIDGE_CHANNEL, PRINT_PDF_CHANNEL } from '../../../shared/bridge';
import { Core } from '../../core/core';
import { logError, logInfo } from '../../core/log';
import { chooseDbPath } from './args';
import { frameFacts, frameId, handleInvoke, type FrameFacts, type FrameId } from './ipc';
import { handlePrintToPdf } from './print';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  navigationAction,
  resolveAppPath,
  responseHeaders,
  windowOpenAction,
  windowOptions,
} from './security';
import { STARTUP_ERROR_TITLE, startupErrorMessage } from './startup-error';
import { mimeTypeFor } from '../shared/static-files';

/**
 * The Electron entry, bundled to build/electron/main.cjs. Thin by design: every decision is
 * a pure function in security.ts, ipc.ts, print.ts, args.ts or startup-error.ts, tested with Vitest; this
 * file only wires them to Electron. "Checklist n" cites the Electron security checklist.
 */

const RENDERER_DIR = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, 'preload.cjs');

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

// Must happen before 'ready'. Checklist 18: our own scheme, not file://.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Checklist 4: sandbox every renderer, not only the windows we remember to configure.
app.enableSandbox();

function lockDownSession(): void {
  // Checklist 5: the app needs no camera, microphone, location, notifications, USB, HID or
  // serial device, so every request and every check is refused.
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function serveRenderer(): void {
  // Checklist 18: app:// serves only files inside build/renderer, each with the CSP (checklist 7).
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppPath(RENDERER_DIR, request.url) : null;
    if (file) {
      try {
        const body = await readFile(file);
        return new Response(new Uint8Array(body), { status: 200, headers: responseHeaders(mimeTypeFor(file)) });
      } catch {
        // fall through to 404: a missing file is not worth a stack in the log
      }
    }
    return new Response('Not found', { status: 404, headers: responseHeaders('text/plain; charset=utf-8') });
  });
}

function openOutside(url: string): void {
  // Only ever called with a URL that shouldOpenExternally accepted (checklist 15).
  shell.openExternal(url).catch((e: unknown) => logError('opening a link outside the app', e));
}

function guardContents(contents: WebContents): void {
  // Checklist 13: no navigation away from app://; safe links open in the user's own programs.
  contents.on('will-navigate', (event) => {
    const action = navigationAction(event.url);
    if (action === 'allow') return;
    event.preventDefault();
    if (action === 'open-externally') openOutside(event.url);
  });
  // Checklist 14: no new windows; checklist 15: openExternal only for https: and mailto:.
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenAction(url) === 'open-externally') openOutside(url);
    return { action: 'deny' };
  });
  // Checklists 11 and 12: webviewTag is off, and any attempt to attach one is refused too.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Who sent an IPC message, and the one frame allowed to: our window's main frame. */
function callers(event: IpcMainInvokeEvent): { sender: FrameFacts | null; main: FrameId | null } {
  const main = mainWindow && !mainWindow.isDestroyed() ? frameId(mainWindow.webContents.mainFrame) : null;
  return { sender: frameFacts(event.senderFrame), main };
}

function registerBridge(opened: Core): void {
  // Checklist 17: every call is checked against its sender frame before anything is done.
  ipcMain.handle(BRIDGE_CHANNEL, (event, method: unknown, input: unknown, organisationId: unknown) => {
    const { sender, main } = callers(event);
    return handleInvoke(sender, main, method, input, (m, i) => opened.dispatch(m, i), organisationId);
  });
  ipcMain.handle(PRINT_PDF_CHANNEL, (event, input: unknown) => {
    const { sender, main } = callers(event);
    return handlePrintToPdf(sender, main, input, {
      choosePath: async (options) => {
        const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
      },
      print: (options) => event.sender.printToPDF(options),
      // The user's own document where they chose to put it: their usual file permissions.
      write: (path, data) => writeFile(path, data),
      documentsDir: app.getPath('documents'),
    }).catch((e: unknown) => {
      const ref = logError('saving a PDF', e);
      return { ok: false as const, error: { code: 'INTERNAL' as const, message: `The PDF could not be saved (reference ${ref}).` } };
    });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(PRELOAD, { packaged: app.isPackaged }));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_START_URL);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function failStart(message: string): void {
  dialog.showErrorBox(STARTUP_ERROR_TITLE, message);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  const choice = chooseDbPath(process.argv, process.platform, process.env, homedir());
  if (!choice.ok) return failStart(choice.reason);
  try {
    core = await Core.open({ dbPath: choice.path, host: 'electron' });
    logInfo(`Mutual Governance opened ${core.dbPath}`);
  } catch (e) {
    logError('electron start-up', e);
    return failStart(startupErrorMessage(e, choice.path));
  }
  lockDownSession();
  serveRenderer();
  registerBridge(core);
  mainWindow = createWindow();
}

function closeCoreOnQuit(): void {
  // The core must finish its jobs and release the database lock before the process ends, so
  // the first will-quit is held until close() settles, then quitting resumes.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const closingCore = core;
    closingCore
      .close()
      .catch((e: unknown) => logError('closing the core', e))
      .finally(() => {
        core = null;
        app.quit();
      });
  });
}

// One app per user: a second launch focuses the first window instead of opening the database
// twice (the core's lock would refuse it anyway, with a less friendly message).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  // The database lock belongs to the running app, so closing the last window quits on every
  // platform, macOS included; a windowless app holding the lock would block the CLI.
  app.on('window-all-closed', () => app.quit());
  closeCoreOnQuit();
  start().catch((e: unknown) => {
    logError('electron start-up', e);
    failStart(startupErrorMessage(e, null));
  });
}
