// Provider keys for the app: encrypted with Electron's safeStorage (Keychain, DPAPI, or the
// Linux secret service) into `<userData>/provider-keys.json`, never inside a project. Only the
// main process ever decrypts them; the renderer gets `status()`: set or not, and the last four.
// Environment variables still work underneath, for developers.
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import type { KeyStatus } from '../../shared/domain/jobs';
import { PROVIDERS, type ProviderId } from '../../shared/domain/types';
import { UserError } from '../core/errors';
import { baseUrlFor, envKeySource, KEYED_PROVIDERS, normaliseKeys, statusFrom, type KeySource, type KeyValues } from '../core/keys/keySource';

const FILE = 'provider-keys.json';
const schema = z.object({
  version: z.literal(1),
  /** provider → env name → base64 of the safeStorage ciphertext */
  providers: z.partialRecord(z.enum(PROVIDERS), z.record(z.string(), z.string())),
});
type Stored = z.infer<typeof schema>;

/** On Linux without a keyring, safeStorage falls back to a fixed key: say so rather than pretend. */
export function storageWarning(): string | null {
  if (process.platform !== 'linux') return null;
  const backend = safeStorage.getSelectedStorageBackend?.();
  return backend === 'basic_text' || backend === 'unknown'
    ? 'No system keyring was found (GNOME Keyring or KWallet), so keys are only obfuscated on this computer, not encrypted. Install or unlock a keyring, then enter the keys again.'
    : null;
}

export function keyVault(userDataDir: string, env: Record<string, string | undefined> = process.env): KeySource {
  const file = path.join(userDataDir, FILE);
  const fromEnv = envKeySource(env);
  const cache = new Map<ProviderId, KeyValues | null>();

  function read(): Stored {
    try {
      return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      return { version: 1, providers: {} };
    }
  }

  function write(data: Stored) {
    fs.mkdirSync(userDataDir, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  }

  function fromVault(provider: ProviderId): KeyValues | null {
    if (cache.has(provider)) return cache.get(provider)!;
    const sealed = read().providers[provider];
    let values: KeyValues | null = null;
    if (sealed && safeStorage.isEncryptionAvailable()) {
      try {
        values = Object.fromEntries(Object.entries(sealed).map(([name, b64]) => [name, safeStorage.decryptString(Buffer.from(b64, 'base64'))]));
      } catch {
        // Encrypted under another login or keyring: as good as absent; the user enters it again.
        values = null;
      }
    }
    cache.set(provider, values);
    return values;
  }

  const get = (provider: ProviderId) => fromVault(provider) ?? fromEnv.get(provider);

  return {
    get,
    status: (): KeyStatus[] =>
      KEYED_PROVIDERS.map((p) => {
        const vault = fromVault(p.id);
        return { ...statusFrom(p.id, vault ?? fromEnv.get(p.id), vault ? 'vault' : 'env', baseUrlFor(p.id, env)), warning: vault ? storageWarning() : null };
      }),
    set(provider, values) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new UserError('This computer offers no way to store keys safely yet. Try again after logging in, or set the key as an environment variable.');
      }
      const clean = normaliseKeys(provider, values);
      const data = read();
      data.providers[provider] = Object.fromEntries(Object.entries(clean).map(([name, v]) => [name, safeStorage.encryptString(v).toString('base64')]));
      write(data);
      cache.set(provider, clean);
    },
    remove(provider) {
      const data = read();
      delete data.providers[provider];
      write(data);
      cache.delete(provider);
    },
  };
}
