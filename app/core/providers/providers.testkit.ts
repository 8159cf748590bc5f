// Helpers for the adapter contract tests: a request as the engine would build it, image files,
// and the checks every adapter's test repeats (a real MP4 arrived, nothing secret in `raw`).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect } from 'vitest';
import { fixtureMedia } from '../../../test/fakes/common';
import { getModel } from '../../../shared/catalog';
import { compilePrompt } from '../../../shared/domain/prompt';
import { makeShot } from '../../../shared/domain/shot.testkit';
import type { PromptParts } from '../../../shared/domain/types';
import { ProviderError, type GenerationRequest, type ImageInput } from './types';

export function makeRequest(tool: string, over: Partial<GenerationRequest> = {}, prompt: Partial<PromptParts> = {}): GenerationRequest {
  const model = getModel(tool);
  if (!model) throw new Error(`no catalog model ${tool}`);
  const shot = makeShot({ tool, durationS: model.durations[0] ?? 5, prompt: { subject: 'Mara, a courier in a yellow coat', ...prompt } });
  return {
    jobId: 'job-1',
    externalId: 'shotline-job-1',
    tool,
    model,
    prompt: compilePrompt(shot, tool),
    durationS: shot.durationS,
    aspectRatio: shot.aspectRatio,
    resolution: shot.resolution,
    seed: 42,
    startFrame: null,
    endFrame: null,
    references: [],
    shot,
    ...over,
  };
}

/** A real PNG on disk (the fakes' fixture frame), optionally padded to a given size. */
export function imageFile(dir: string, name: string, extra: Partial<ImageInput> = {}, padTo = 0): ImageInput {
  const file = path.join(dir, name);
  const png = fixtureMedia().png;
  fs.writeFileSync(file, padTo > png.length ? Buffer.concat([png, Buffer.alloc(padTo - png.length)]) : png);
  return { path: file, mime: 'image/png', width: 640, height: 360, ...extra };
}

/** What ffprobe needs to see first: a non-trivial file that starts with an ISO BMFF `ftyp` box. */
export function expectMp4(file: string): void {
  const bytes = fs.readFileSync(file);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
}

/** No key, no token and no base64 image anywhere in what the adapter handed back. */
export function expectRedacted(raws: unknown[], secrets: string[]): void {
  const text = JSON.stringify(raws);
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/[A-Za-z0-9+/]{200,}/);
  expect(text).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}\./);
}

/** The ProviderError a promise rejects with (fails the test on anything else). */
export async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProviderError) return err;
    throw err;
  }
  throw new Error('expected a ProviderError, but the call succeeded');
}

/** A port nothing listens on. */
export async function deadUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
