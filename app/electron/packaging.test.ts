// Packaging downloads Electron and cannot run on build machines without internet, so the
// electron-builder config is checked here instead: electron-builder's own schema validation,
// plus the things the schema cannot know (files it points at, and how the app finds sqlite).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

interface BuilderConfig {
  afterPack?: string;
  asarUnpack?: string[];
  extraResources?: { from: string; to: string }[];
  npmRebuild?: boolean;
  /** Normalised by getConfig into file sets. */
  files?: (string | { filter?: string[] })[];
  linux?: { icon?: string; target?: string[] };
  mac?: { icon?: string };
  win?: { icon?: string };
}

// app-builder-lib has no public entry for these; they are what `electron-builder` itself runs.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string, fromOptions: null) => Promise<BuilderConfig>;
  validateConfiguration: (config: BuilderConfig, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const load = () => getConfig(root, path.join(root, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('points at files that exist', async () => {
    const config = await load();
    for (const file of [config.afterPack, config.linux?.icon, config.mac?.icon, config.win?.icon]) {
      expect(file && existsSync(path.join(root, file)), String(file)).toBe(true);
    }
  });

  it('ships the Electron build of better-sqlite3 where main.ts looks for it', async () => {
    const config = await load();
    expect(config.extraResources).toContainEqual({ from: '.native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    // A rebuild at packaging would overwrite the Node build that tests and the CLI load.
    expect(config.npmRebuild).toBe(false);
  });

  it('packages only the built output', async () => {
    const patterns = ((await load()).files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(patterns[0]).toBe('out/**');
    expect(patterns).toEqual(expect.arrayContaining(['!app/devhost/**', '!e2e/**', '!bench/**']));
  });
});

describe('after-pack fuses', () => {
  it('turns off every way to run the app as plain Node, and file:// privileges; checks the asar', () => {
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
    const { FUSES } = require(path.join(root, 'scripts/after-pack.cjs')) as { FUSES: Record<number, boolean> };
    expect(FUSES).toEqual({
      [FuseV1Options.RunAsNode!]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable!]: false,
      [FuseV1Options.EnableNodeCliInspectArguments!]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]: true,
      [FuseV1Options.OnlyLoadAppFromAsar!]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges!]: false,
    });
  });
});
