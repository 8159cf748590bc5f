import { DEFAULT_GENERATION_SETTINGS, type GenerationSettings } from '../../../shared/domain/jobs';
import type { JobsRepo } from '../db/repos/jobsRepo';

/** Generation settings live in the project (settings table) under this key. */
export const SETTINGS_KEY = 'generation';

/** The project's generation settings, defaults filled in. */
export function readSettings(repo: JobsRepo): GenerationSettings {
  return { ...DEFAULT_GENERATION_SETTINGS, ...((repo.setting.get(SETTINGS_KEY) as Partial<GenerationSettings> | undefined) ?? {}) };
}
