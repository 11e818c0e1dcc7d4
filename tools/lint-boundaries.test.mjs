// The import boundaries in eslint.config.js, proved on fixtures: each forbidden import below
// must fail the lint in the zone named, and each allowed one must pass. Without this, a zone
// whose file glob no longer matches (after a folder moves) would pass everything in silence.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
/** @type {ESLint} */
let eslint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The restricted-import messages for `code` linted as if it lived at `filePath`. */
async function refusals(filePath, code) {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal).map((m) => m.message);
}

const refused = [
  ['main/core/core.ts', "import { startHttpHost } from '../hosts/http/server';", /never imports one/],
  ['main/core/members/handlers.ts', "import { serveStatic } from '../../hosts/shared/static-files';", /never imports one/],
  ['main/core/core.ts', "import { app } from 'electron';", /main\/core may import only/],
  ['main/core/core.ts', "import express from 'express';", /main\/core may import only/],
  ['main/core/core.test.ts', "import { app } from 'electron';", /Tests of main\/core may import only/],
  ['migrations/0009_x.ts', "import { ipcMain } from 'electron/main';", /may import only/],
  ['main/hosts/http/server.ts', "import { app } from 'electron';", /HTTP host may import only/],
  ['main/hosts/http/server.ts', "import { handleInvoke } from '../electron/ipc';", /never another host/],
  ['main/hosts/cli/index.ts', "import { BrowserWindow } from 'electron';", /command line may import only/],
  ['main/hosts/shared/static-files.ts', "import { protocol } from 'electron';", /hosts\/shared may import only/],
  ['main/hosts/preload/index.ts', "import { readFileSync } from 'node:fs';", /no Node built-ins/],
  ['main/hosts/preload/index.ts', "import { Core } from '../../core/core';", /only electron and shared/],
  ['main/hosts/electron/main.ts', "import { App } from '../../../renderer/src/App';", /never to another host or the renderer/],
  ['main/hosts/electron/main.ts', "import fs from 'fs';", /may import only/],
  ['main/serve.ts', "import { app } from 'electron';", /start-up scripts .* may import only/],
  ['main/bench/index.ts', "import { app } from 'electron';", /may import only/],
  ['shared/rules/quorum.ts', "import { readFileSync } from 'node:fs';", /shared\/ may import only/],
  ['shared/rules/quorum.ts', "import { sql } from 'kysely';", /shared\/ may import only/],
  ['shared/rules/quorum.ts', "import { Core } from '../../main/core/core';", /pure TypeScript/],
  ['renderer/src/App.tsx', "import Database from 'better-sqlite3';", /renderer may import only/],
  ['renderer/src/App.tsx', "import { Core } from '../../main/core/core';", /only through the contract/],
  ['renderer/src/App.tsx', "import { app } from 'electron';", /renderer may import only/],
  ['renderer/src/App.tsx', "import { join } from 'node:path';", /no Node built-ins/],
  ['renderer/src/lib/dates.test.ts', "import { join } from 'node:path';", /no Node built-ins/],
];

const allowed = [
  ['main/core/core.ts', "import { sql } from 'kysely';\nimport Database from 'better-sqlite3';\nimport { join } from 'node:path';\nimport { z } from 'zod';"],
  ['main/core/core.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';"],
  ['main/hosts/electron/main.ts', "import { app } from 'electron';\nimport { Core } from '../../core/core';\nimport { serveFile } from '../shared/static-files';"],
  ['main/hosts/preload/index.ts', "import { contextBridge } from 'electron';\nimport { BRIDGE_CHANNEL } from '../../../shared/bridge';"],
  ['main/hosts/http/server.ts', "import { createServer } from 'node:http';\nimport { Core } from '../../core/core';\nimport { csp } from '../shared/csp';"],
  ['shared/rules/quorum.ts', "import { z } from 'zod';\nimport { legalDate } from '../contract/fields';"],
  ['renderer/src/App.tsx', "import { useQuery } from '@tanstack/react-query';\nimport { jsx } from 'react/jsx-runtime';\nimport { Dialog } from 'radix-ui';\nimport { contract } from '../../shared/contract/index';"],
];

describe('the import boundaries (eslint.config.js)', () => {
  it.each(refused)('refuses in %s: %s', async (filePath, code, message) => {
    const messages = await refusals(filePath, code);
    expect(messages.length, `no refusal for ${code} in ${filePath}`).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(message);
  });

  it.each(allowed)('allows in %s: %s', async (filePath, code) => {
    expect(await refusals(filePath, code)).toEqual([]);
  });
});
