import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml carries security settings that only take effect in a packaged app
 * (checklist 19, fuses), which no test here can launch. So the file itself is checked: that
 * electron-builder's own schema accepts it (a misspelt fuse would otherwise be silently
 * ignored) and that the fuses and the asar settings are the ones we chose.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);

// js-yaml and app-builder-lib come with electron-builder (a devDependency) and have no types
// of our own, so they are loaded with require and given the shape used here.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator') as {
  validateSchema(schema: unknown, data: unknown, config?: { name?: string }): void;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean | { smartUnpack?: boolean };
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: string };
  mac: { target: string };
  linux: { target: string[] };
}

const config = yaml.load(readFileSync(`${ROOT}/electron-builder.yml`, 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid by electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as unknown;
    expect(() => validateSchema(schema, config, { name: 'electron-builder' })).not.toThrow();
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.mutualgovernance.app');
    expect(config.productName).toBe('Mutual Governance');
  });

  it('sets every security fuse (checklist 19)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into one asar, unpacking only better-sqlite3’s native addon, rebuilt for Electron', () => {
    // An object turns asar on; smartUnpack off stops electron-builder unpacking the addon’s
    // whole package (its JavaScript too, outside the integrity check).
    expect(config.asar).toEqual({ smartUnpack: false });
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/build/Release/*.node']);
    expect(config.npmRebuild).toBe(true);
  });

  it('says in the file that the asar integrity fuse is not enforced on Linux', () => {
    const text = readFileSync(`${ROOT}/electron-builder.yml`, 'utf8');
    const comment = text.slice(0, text.indexOf('enableEmbeddedAsarIntegrityValidation:'));
    expect(comment).toMatch(/macOS[^\n]*Windows[^\n]*only[\s\S]*no ASAR\s+# integrity check on Linux/);
  });

  it('ships the bundles, the renderer and production modules, but never Electron itself', () => {
    expect(config.files).toEqual(expect.arrayContaining(['build/electron/**', 'build/renderer/**', 'package.json', 'node_modules/**']));
    expect(config.files.some((f) => f.startsWith('!') && f.includes('node_modules/electron'))).toBe(true);
    // electron-builder leaves its buildResources folder out of the app: it must not be build/.
    expect(config.directories.buildResources).not.toBe('build');
  });

  it('pins the Electron version to the one installed', () => {
    expect(config.electronVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = `${ROOT}/node_modules/electron/package.json`;
    if (existsSync(installed)) {
      expect(config.electronVersion).toBe((JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version);
    }
  });

  it('builds an installer for each platform', () => {
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });
});
