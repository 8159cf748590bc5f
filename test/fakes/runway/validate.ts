// Body validation of the Runway fake, read from the SDK independently of the app's catalog so a
// catalog mistake shows up as a failing contract test (docs/providers.md, Runway).
import { isObject } from '../common';

const GEN4_RATIOS = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'];
const VEO_RATIOS = ['1280:720', '720:1280', '1080:1920', '1920:1080'];
const IMAGE_RATIOS = [
  '1024:1024',
  '1080:1080',
  '1168:880',
  '1360:768',
  '1440:1080',
  '1080:1440',
  '1808:768',
  '1920:1080',
  '1080:1920',
  '2112:912',
  '1280:720',
  '720:1280',
  '720:720',
  '960:720',
  '720:960',
  '1680:720',
];
const TWO_TO_TEN = [2, 3, 4, 5, 6, 7, 8, 9, 10];

interface VideoModel {
  ratios: string[];
  durations: number[];
  durationRequired: boolean;
  promptRequired: boolean;
  /** `position: "last"` allowed (veo3.1 and gen3a_turbo). */
  last: boolean;
}

const I2V: Record<string, VideoModel> = {
  gen4_turbo: { ratios: GEN4_RATIOS, durations: TWO_TO_TEN, durationRequired: false, promptRequired: false, last: false },
  'gen4.5': { ratios: GEN4_RATIOS, durations: TWO_TO_TEN, durationRequired: true, promptRequired: true, last: false },
  veo3: { ratios: VEO_RATIOS, durations: [8], durationRequired: true, promptRequired: false, last: false },
  'veo3.1': { ratios: VEO_RATIOS, durations: [4, 6, 8], durationRequired: false, promptRequired: false, last: true },
  'veo3.1_fast': { ratios: VEO_RATIOS, durations: [4, 6, 8], durationRequired: false, promptRequired: false, last: true },
};

const T2V: Record<string, VideoModel> = {
  'gen4.5': { ratios: ['1280:720', '720:1280'], durations: TWO_TO_TEN, durationRequired: true, promptRequired: true, last: false },
  veo3: { ratios: VEO_RATIOS, durations: [8], durationRequired: true, promptRequired: true, last: false },
  'veo3.1': { ratios: VEO_RATIOS, durations: [4, 6, 8], durationRequired: false, promptRequired: true, last: false },
  'veo3.1_fast': { ratios: VEO_RATIOS, durations: [4, 6, 8], durationRequired: false, promptRequired: true, last: false },
};

const TAG = /^[A-Za-z][A-Za-z0-9_]{2,15}$/;

export interface ValidateContext {
  /** The fake's own origin: its output URLs stand in for Runway's CDN and are accepted as inputs. */
  origin: string;
  dataUriMaxBytes: number;
}

/** The 400 message the fake answers with, or null when the body is acceptable. */
export function validateRunway(path: string, body: unknown, ctx: ValidateContext): string | null {
  if (!isObject(body)) return 'Request body must be a JSON object.';
  const common = checkPromptAndSeed(body);
  if (common) return common;
  if (path === '/v1/text_to_image') return checkImage(body, ctx);
  const table = path === '/v1/image_to_video' ? I2V : T2V;
  const model = String(body.model);
  const spec = table[model];
  if (!spec) return `Invalid model "${model}" for ${path.slice(4)}.`;
  if (spec.promptRequired && body.promptText === undefined) return `promptText is required for ${model}.`;
  if (typeof body.ratio !== 'string' || !spec.ratios.includes(body.ratio)) return `ratio must be one of ${spec.ratios.join(', ')} for ${model}.`;
  if (body.duration === undefined) {
    if (spec.durationRequired) return `duration is required for ${model}.`;
  } else if (!Number.isInteger(body.duration) || !spec.durations.includes(body.duration as number)) {
    return `${model} must specify a duration of ${spec.durations.join('|')} seconds.`;
  }
  return path === '/v1/image_to_video' ? checkPromptImage(body.promptImage, spec, ctx) : null;
}

function checkPromptAndSeed(body: Record<string, unknown>): string | null {
  if (body.promptText !== undefined) {
    // String length is in UTF-16 code units, which is exactly how Runway counts.
    if (typeof body.promptText !== 'string' || body.promptText.length === 0) return 'promptText must be a non-empty string.';
    if (body.promptText.length > 1000) return `promptText must be at most 1000 characters (got ${body.promptText.length}).`;
  }
  if (body.seed !== undefined && (!Number.isInteger(body.seed) || (body.seed as number) < 0 || (body.seed as number) > 4294967295)) {
    return 'seed must be an integer between 0 and 4294967295.';
  }
  return null;
}

function checkPromptImage(value: unknown, spec: VideoModel, ctx: ValidateContext): string | null {
  if (typeof value === 'string') return checkUri(value, ctx);
  if (!Array.isArray(value) || value.length === 0) return 'promptImage is required: a URI or a list of {uri, position}.';
  const positions = value.map((v) => (isObject(v) ? v.position : undefined));
  if (positions.some((p) => p !== 'first' && p !== 'last')) return 'promptImage[].position must be "first" or "last".';
  if (new Set(positions).size !== positions.length) return 'promptImage positions must be distinct.';
  if (positions.includes('last') && !spec.last) return 'This model does not support a last frame (position "last").';
  if (!positions.includes('first')) return 'A last frame requires a first frame.';
  for (const v of value) {
    const err = checkUri(isObject(v) ? v.uri : undefined, ctx);
    if (err) return err;
  }
  return null;
}

function checkImage(body: Record<string, unknown>, ctx: ValidateContext): string | null {
  const model = String(body.model);
  if (model !== 'gen4_image' && model !== 'gen4_image_turbo') return `Invalid model "${model}" for text_to_image.`;
  if (typeof body.promptText !== 'string') return 'promptText is required.';
  if (typeof body.ratio !== 'string' || !IMAGE_RATIOS.includes(body.ratio)) return `ratio must be one of ${IMAGE_RATIOS.join(', ')}.`;
  const refs = body.referenceImages ?? [];
  if (!Array.isArray(refs)) return 'referenceImages must be a list.';
  if (refs.length > 3) return 'referenceImages accepts at most 3 images.';
  if (model === 'gen4_image_turbo' && refs.length === 0) return 'gen4_image_turbo requires 1 to 3 referenceImages.';
  for (const ref of refs) {
    if (!isObject(ref)) return 'referenceImages[] must be objects {uri, tag?}.';
    if (ref.tag !== undefined && (typeof ref.tag !== 'string' || !TAG.test(ref.tag))) {
      return `Invalid tag "${String(ref.tag)}": 3-16 characters, letters, digits or underscores, starting with a letter.`;
    }
    const err = checkUri(ref.uri, ctx);
    if (err) return err;
  }
  return null;
}

/** https URL on a domain (≤ 2048 chars), a typed base64 data URI (≤ the limit), or runway://. */
function checkUri(uri: unknown, ctx: ValidateContext): string | null {
  if (typeof uri !== 'string' || !uri) return 'Image URI must be a non-empty string.';
  if (uri.startsWith('data:')) {
    if (!/^data:image\/(jpeg|jpg|png|webp);base64,[A-Za-z0-9+/]+=*$/.test(uri)) return 'Data URI must be an image with a content type, base64 encoded.';
    if (uri.length > ctx.dataUriMaxBytes) return `Data URI exceeds the maximum size of ${ctx.dataUriMaxBytes} bytes.`;
    return null;
  }
  if (uri.startsWith('runway://') || uri.startsWith(`${ctx.origin}/`)) return null;
  if (uri.length > 2048) return 'URLs must be at most 2048 characters.';
  let host: string;
  try {
    const u = new URL(uri);
    if (u.protocol !== 'https:') return 'Image URLs must use HTTPS.';
    host = u.hostname;
  } catch {
    return `Invalid image URI: ${uri.slice(0, 80)}`;
  }
  return /^[\d.]+$|^\[/.test(host) ? 'Image URLs must use a domain name, not an IP address.' : null;
}
