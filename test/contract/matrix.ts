// Every request the catalog lets a user queue for one provider — model × duration × ratio ×
// resolution × start/end keyframe × references, kept only where shot validation has no error —
// sent through the real adapter to the provider's fake, which records the wire bodies.
import { getModel, modelsFor } from '../../shared/catalog';
import { makeShot } from '../../shared/domain/shot.testkit';
import { ASPECT_RATIOS, type ProviderId } from '../../shared/domain/types';
import { validateFrame, validateShot, type ValidateOptions } from '../../shared/domain/validation';
import { imageFile, makeRequest } from '../../app/core/providers/providers.testkit';
import type { PollResult, ProviderAdapter } from '../../app/core/providers/types';
import type { RecordedRequest } from '../fakes/common';

export interface CatalogCase {
  name: string;
  tool: string;
  durationS: number;
  aspectRatio: (typeof ASPECT_RATIOS)[number];
  resolution: string;
  start: boolean;
  end: boolean;
  refs: number;
}

/** Image variants a shot can send: none, a start frame, start and end, and 1 or all references. */
function imageVariants(maxRefs: number): Array<Pick<CatalogCase, 'start' | 'end' | 'refs'>> {
  const refs = [...new Set([1, maxRefs])].filter((n) => n > 0);
  return [
    { start: false, end: false, refs: 0 },
    { start: true, end: false, refs: 0 },
    { start: true, end: true, refs: 0 },
    ...refs.map((n) => ({ start: false, end: false, refs: n })),
  ];
}

/** The cases validation accepts; `opts` adds what the app would know (e.g. hosted keyframe URLs). */
export function catalogCases(provider: ProviderId, opts: Omit<ValidateOptions, 'refCount' | 'hasStartKeyframe' | 'hasEndKeyframe'> = {}): CatalogCase[] {
  const cases: CatalogCase[] = [];
  for (const spec of modelsFor(provider).filter((m) => m.output === 'video')) {
    for (const resolution of spec.resolutions)
      for (const durationS of spec.durations)
        for (const aspectRatio of ASPECT_RATIOS)
          for (const images of imageVariants(Math.max(spec.maxRefs, spec.refsVia ? (getModel(spec.refsVia)?.maxRefs ?? 0) : 0))) {
            const shot = makeShot({ tool: spec.tool, durationS, aspectRatio, resolution });
            const issues = validateShot(shot, { ...opts, refCount: images.refs, hasStartKeyframe: images.start, hasEndKeyframe: images.end });
            if (issues.some((i) => i.severity === 'error')) continue;
            const what = [images.start && 'start', images.end && 'end', images.refs && `${images.refs} refs`].filter(Boolean).join('+') || 'text';
            cases.push({
              name: `${spec.model} ${resolution} ${durationS}s ${aspectRatio} ${what}`,
              tool: spec.tool,
              durationS,
              aspectRatio,
              resolution,
              ...images,
            });
          }
  }
  return cases;
}

/** Every storyboard-frame request one provider's image models allow: resolution × ratio × 0, 1 or all references. */
export function frameCases(provider: ProviderId): CatalogCase[] {
  const cases: CatalogCase[] = [];
  for (const spec of modelsFor(provider).filter((m) => m.output === 'image'))
    for (const resolution of spec.resolutions)
      for (const aspectRatio of ASPECT_RATIOS)
        for (const refs of [...new Set([0, 1, spec.maxRefs])]) {
          const shot = makeShot({ tool: spec.tool, aspectRatio, resolution });
          if (validateFrame(shot, spec.tool, refs).some((i) => i.severity === 'error')) continue;
          cases.push({
            name: `${spec.model} ${resolution} ${aspectRatio} ${refs} refs`,
            tool: spec.tool,
            durationS: 0,
            aspectRatio,
            resolution,
            start: false,
            end: false,
            refs,
          });
        }
  return cases;
}

export interface SentBody {
  name: string;
  path: string;
  body: unknown;
}

/**
 * Submits each case (and, for two-step jobs, polls to `step_done` and submits the next step),
 * returning the create bodies the fake received and every case the adapter or fake refused.
 */
export async function sendCases(
  cases: CatalogCase[],
  adapter: ProviderAdapter,
  requests: RecordedRequest[],
  dir: string,
  extra: { url?: string } = {},
): Promise<{ bodies: SentBody[]; refused: string[] }> {
  const bodies: SentBody[] = [];
  const refused: string[] = [];
  const image = (name: string, tag?: string) => imageFile(dir, name, { ...(tag ? { tag } : {}), ...(extra.url ? { url: `${extra.url}/${name}` } : {}) });
  for (const c of cases) {
    const req = makeRequest(c.tool, {
      durationS: c.durationS,
      aspectRatio: c.aspectRatio,
      resolution: c.resolution,
      startFrame: c.start ? image('start.png') : null,
      endFrame: c.end ? image('end.png') : null,
      references: Array.from({ length: c.refs }, (_, i) => image(`ref${i}.png`, `ref${i + 1}`)),
    });
    const before = requests.length;
    try {
      const { remoteId } = await adapter.submit(req);
      if (adapter.submitNext) {
        let state: PollResult | undefined;
        for (let i = 0; i < 6 && state?.state !== 'step_done' && state?.state !== 'succeeded'; i++) state = await adapter.poll(remoteId);
        if (state?.state === 'step_done') await adapter.submitNext(remoteId, req);
      }
    } catch (err) {
      refused.push(`${c.name}: ${(err as Error).message}`);
    }
    for (const r of requests.slice(before)) if (r.method === 'POST') bodies.push({ name: c.name, path: r.path, body: r.body });
  }
  return { bodies, refused };
}
