import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROVIDERS, type ProviderId } from '../../../shared/domain/types';
import { UserError } from '../errors';

const FILE = 'provider-settings.json';
const schema = z.object({ baseUrls: z.partialRecord(z.enum(PROVIDERS), z.string()).default({}) });

/**
 * Per-user provider settings kept beside the recent list (never in a project, never a key):
 * the base URL per provider, for a proxy or a local fake. SHOTLINE_<PROVIDER>_BASE_URL wins.
 */
export function providerSettings(userDataDir: string) {
  const file = path.join(userDataDir, FILE);
  function read(): z.infer<typeof schema> {
    try {
      return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      return { baseUrls: {} };
    }
  }
  return {
    baseUrls: (): Partial<Record<ProviderId, string>> => read().baseUrls,
    setBaseUrl(provider: ProviderId, url: string | null) {
      const data = read();
      if (url) {
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          throw new UserError(`"${url}" is not a URL. Enter one like https://api.example.com, or clear it to use the provider's own.`);
        }
        if (parsed.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
          throw new UserError('Use an https:// address (plain http is allowed only on this computer, for a local fake or proxy).');
        }
        data.baseUrls[provider] = url.replace(/\/+$/, '');
      } else {
        delete data.baseUrls[provider];
      }
      fs.mkdirSync(userDataDir, { recursive: true });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(data, null, 2));
      fs.renameSync(`${file}.tmp`, file);
    },
  };
}
