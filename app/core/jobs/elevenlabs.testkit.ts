// A project and the fake ElevenLabs for each test of audio jobs, and a run of the engine against it.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startElevenLabsFake, type ElevenLabsFake } from '../../../test/fakes/elevenlabs/server';
import { envKeySource } from '../keys/keySource';
import type { Project } from '../project/project';
import { useTmpDir } from '../testing/tmp.testkit';
import { JobEngine } from './engine';
import { drive, makeProject, ManualClock } from './jobs.testkit';
import { createRunners } from './runners';

/** Registers the hooks; the returned getters read the current test's fake, project and clock. */
export function useElevenLabsProject(prefix: string, key = 'xi-audio-test-key-0123456789') {
  const tmp = useTmpDir(prefix);
  let fake: ElevenLabsFake;
  let project: Project;
  let clock: ManualClock;
  beforeAll(async () => {
    fake = await startElevenLabsFake({ apiKey: key });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    project = makeProject(tmp());
    clock = new ManualClock();
  });
  afterEach(() => project.close());
  return {
    fake: () => fake,
    project: () => project,
    clock: () => clock,
    /** Runs the engine with the key and the fake's address until no job is left to move. */
    async run() {
      const runners = createRunners({
        keys: envKeySource({ ELEVENLABS_API_KEY: key }),
        env: { SHOTLINE_ELEVENLABS_BASE_URL: fake.url, PATH: process.env.PATH ?? '' },
      });
      const engine = new JobEngine({ db: project.db, folder: project.folder, runners, label: 'test', clock, customEndpoint: () => true });
      engine.start({ loop: false });
      await drive(engine, clock);
      await engine.stop();
    },
  };
}
