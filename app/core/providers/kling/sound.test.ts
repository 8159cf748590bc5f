// Kling 2.6 with sound: sent as `sound: "on"` only when the shot asks and the model sells it, the
// fake refusing it where the docs do (not std, not other models), validation naming the fix, the
// estimate doubled, and QC then expecting a sound track.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/common';
import { startKlingFake, type KlingFake } from '../../../../test/fakes/kling/server';
import { estimateShot } from '../../../../shared/domain/cost';
import { makeShot } from '../../../../shared/domain/shot.testkit';
import { validateShot } from '../../../../shared/domain/validation';
import { qcExpectations } from '../../takes/qcTake';
import { makeRequest, providerError } from '../providers.testkit';
import { KlingAdapter } from './adapter';

const AK = 'ak-0123456789abcdef';
const SK = 'sk-fedcba9876543210';
let fake: KlingFake;
afterEach(() => fake?.close());

async function adapter() {
  const now = Date.UTC(2026, 5, 1, 12);
  fake = await startKlingFake({ accessKey: AK, secretKey: SK, clock: new FakeClock(() => now) });
  return new KlingAdapter({ baseUrl: fake.url, keys: { KLING_ACCESS_KEY: AK, KLING_SECRET_KEY: SK }, now: () => now });
}

const sent = () => fake.requests.filter((r) => r.method === 'POST').map((r) => (r.body as Record<string, unknown>).sound);

describe('Kling 2.6 asking for sound', () => {
  it('sends sound "on" only for a shot that asks, on a model that offers it; the fake takes it in pro', async () => {
    const kling = await adapter();
    await kling.submit(makeRequest('kling:kling-v2-6', { resolution: '1080p', askSound: true, externalId: 'asks' }));
    await kling.submit(makeRequest('kling:kling-v2-6', { resolution: '1080p', externalId: 'silent' }));
    await kling.submit(makeRequest('kling:kling-v2-5-turbo', { resolution: '1080p', askSound: true, externalId: 'no-option' }));
    expect(sent()).toEqual(['on', undefined, undefined]);
  });

  it('the fake refuses sound in std mode, as the docs say', async () => {
    const kling = await adapter();
    const err = await providerError(kling.submit(makeRequest('kling:kling-v2-6', { resolution: '720p', askSound: true })));
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/pro mode only/);
  });

  it('validation names the fix: pro (1080p) only, no end keyframe; elsewhere a warning that it does nothing', () => {
    const asks = (over: Parameters<typeof makeShot>[0]) => makeShot({ tool: 'kling:kling-v2-6', durationS: 5, askSound: true, ...over });
    expect(validateShot(asks({ resolution: '1080p' })).filter((i) => i.severity === 'error')).toEqual([]);
    expect(validateShot(asks({ resolution: '720p' }))).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        field: 'resolution',
        message: expect.stringMatching(/sound only at 1080p.*Change the resolution to 1080p, or turn off "Ask for sound"/),
      }),
    );
    expect(validateShot(asks({ resolution: '1080p' }), { hasStartKeyframe: true, hasEndKeyframe: true })).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        field: 'keyframes',
        message: expect.stringMatching(/cannot make sound with an end keyframe\. Remove the end keyframe/),
      }),
    );
    expect(validateShot(makeShot({ tool: 'kling:kling-v2-5-turbo', durationS: 5, askSound: true }))).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/no sound option/) }),
    );
  });

  it('doubles the estimate, saying why, and QC expects sound only then', () => {
    const silent = estimateShot(makeShot({ tool: 'kling:kling-v2-6', durationS: 5, resolution: '1080p' }));
    const sound = estimateShot(makeShot({ tool: 'kling:kling-v2-6', durationS: 5, resolution: '1080p', askSound: true }));
    expect(silent.usd).toBeCloseTo(0.35, 6);
    expect(sound.usd).toBeCloseTo(2 * silent.usd, 6);
    expect(sound.adjustment).toMatch(/with sound: 2× the silent price/);
    const asked = { durationS: 5, aspectRatio: '16:9' as const, resolution: '1080p' };
    expect(qcExpectations('kling:kling-v2-6', asked).audioPromised).toBe(false);
    expect(qcExpectations('kling:kling-v2-6', { ...asked, askSound: true }).audioPromised).toBe(true);
    expect(qcExpectations('kling:kling-v2-5-turbo', { ...asked, askSound: true }).audioPromised).toBe(false);
  });
});
