// What the Kling fake checks before it makes a task (docs/providers.md, Kling): the
// HS256 JWT, and each endpoint's body. Written from the docs, not from the app's catalog.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isObject, pngSize } from '../common';

export interface KlingProblem {
  status: number;
  code: number;
  message: string;
}

/** 1001 empty, 1002 invalid, 1003 not yet valid (nbf), 1004 expired; 1000 wrong issuer. */
export function verifyJwt(authorization: string | undefined, ak: string, sk: string, nowS: number, leewayS: number): KlingProblem | null {
  const no = (code: number, message: string): KlingProblem => ({ status: 401, code, message });
  if (!authorization) return no(1001, 'Authorization is empty');
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization);
  if (!m) return no(1002, 'Authorization is invalid');
  const [, head, body, sig] = m as unknown as [string, string, string, string];
  const expected = createHmac('sha256', sk).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return no(1002, 'Authorization is invalid: bad signature');
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return no(1002, 'Authorization is invalid: not JSON');
  }
  if (!isObject(header) || header.alg !== 'HS256' || !isObject(claims)) return no(1002, 'Authorization is invalid: alg must be HS256');
  if (claims.iss !== ak) return no(1000, 'Authentication failed: unknown access key');
  if (typeof claims.nbf === 'number' && claims.nbf > nowS + leewayS) return no(1003, 'Authorization is not yet valid');
  if (typeof claims.exp !== 'number' || claims.exp < nowS - leewayS) return no(1004, 'Authorization has expired');
  return null;
}

const T2V = ['kling-v1', 'kling-v1-6', 'kling-v2-master', 'kling-v2-1-master', 'kling-v2-5-turbo', 'kling-v2-6'];
const I2V = ['kling-v1', 'kling-v1-5', 'kling-v1-6', 'kling-v2-master', 'kling-v2-1', 'kling-v2-1-master', 'kling-v2-5-turbo', 'kling-v2-6'];
/** Modes in which a model takes `image_tail` ; master models: none. */
const TAIL_MODES: Record<string, string[]> = {
  'kling-v1': ['std', 'pro'],
  'kling-v1-5': ['pro'],
  'kling-v1-6': ['pro'],
  'kling-v2-1': ['pro'],
  'kling-v2-5-turbo': ['pro'],
  'kling-v2-6': ['pro'],
};
const RATIOS = ['16:9', '9:16', '1:1'];
/** `sound` is v2.6+ and pro only (docs/providers.md, Kling text2video). */
const SOUND_MODELS = ['kling-v2-6'];

export interface KlingRules {
  /** Numbers for duration are refused (the real server's strictness is UNCERTAIN). */
  strictDuration: boolean;
  /** cfg_scale on v2.x models is refused. */
  noCfgOnV2: boolean;
}

export function validateKling(kind: string, body: unknown, rules: KlingRules): string | null {
  if (!isObject(body)) return 'request body must be a JSON object';
  const model = typeof body.model_name === 'string' ? body.model_name : 'kling-v1';
  const models = kind === 'text2video' ? T2V : kind === 'image2video' ? I2V : ['kling-v1-6'];
  if (!models.includes(model)) return `model_name ${model} is not supported by ${kind}`;
  for (const field of ['prompt', 'negative_prompt']) {
    const v = body[field];
    if (v !== undefined && (typeof v !== 'string' || v.length > 2500)) return `${field} must be a string of at most 2500 characters`;
  }
  if (kind !== 'image2video' && !body.prompt) return 'prompt is required';
  const duration = body.duration ?? '5';
  const durationOk = duration === '5' || duration === '10' || (!rules.strictDuration && (duration === 5 || duration === 10));
  if (!durationOk) return `duration must be "5" or "10" (a string), got ${JSON.stringify(duration)}`;
  const mode = body.mode ?? 'std';
  if (mode !== 'std' && mode !== 'pro') return 'mode must be std or pro';
  if (body.sound !== undefined) {
    if (body.sound !== 'on' && body.sound !== 'off') return 'sound must be on or off';
    if (body.sound === 'on' && !SOUND_MODELS.includes(model)) return `sound is not supported by ${model}`;
    if (body.sound === 'on' && mode !== 'pro') return 'sound on is supported in pro mode only';
  }
  if (rules.noCfgOnV2 && body.cfg_scale !== undefined && model.startsWith('kling-v2')) return `cfg_scale is not supported by ${model}`;
  if (body.aspect_ratio !== undefined && (kind === 'image2video' || !RATIOS.includes(String(body.aspect_ratio)))) {
    return kind === 'image2video' ? 'aspect_ratio is not a parameter of image2video' : `aspect_ratio must be one of ${RATIOS.join(', ')}`;
  }
  if (kind === 'image2video') return checkFrames(body, model, String(mode));
  if (kind === 'multi-image2video') {
    const list = body.image_list;
    if (!Array.isArray(list) || list.length < 1 || list.length > 4) return 'image_list must hold 1 to 4 images';
    for (const item of list) {
      const err = checkImage(isObject(item) ? item.image : undefined, 'image_list[].image');
      if (err) return err;
    }
  }
  return null;
}

function checkFrames(body: Record<string, unknown>, model: string, mode: string): string | null {
  if (body.image === undefined && body.image_tail === undefined) return 'image or image_tail is required';
  if (body.image_tail !== undefined) {
    if (body.image === undefined) return 'image_tail requires image';
    if (body.static_mask !== undefined || body.dynamic_masks !== undefined || body.camera_control !== undefined) {
      return 'image_tail, motion brush masks and camera_control cannot be combined';
    }
    if (!(TAIL_MODES[model] ?? []).includes(mode)) return `image_tail is not supported by ${model} in ${mode} mode`;
    if (model === 'kling-v2-6' && body.sound === 'on') return 'image_tail is not supported with sound on';
  }
  for (const field of ['image', 'image_tail'] as const) {
    if (body[field] === undefined) continue;
    const err = checkImage(body[field], field);
    if (err) return err;
  }
  return null;
}

/** a URL or raw base64 (no data: prefix); a PNG must be ≥ 300 px a side, 1:2.5 to 2.5:1. */
function checkImage(value: unknown, field: string): string | null {
  if (typeof value !== 'string' || !value) return `${field} must be a URL or base64 string`;
  if (/^https?:\/\//.test(value)) return null;
  if (value.startsWith('data:')) return `${field} must be raw base64 without a data: prefix`;
  if (!/^[A-Za-z0-9+/]+=*$/.test(value)) return `${field} is not valid base64`;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length > 10_000_000) return `${field} is larger than 10MB`;
  const size = pngSize(bytes);
  if (size && (size.width < 300 || size.height < 300)) {
    return `${field} must be at least 300px in width and height`;
  }
  if (size && (size.width / size.height > 2.5 || size.height / size.width > 2.5)) return `${field} aspect ratio must be between 1:2.5 and 2.5:1`;
  return null;
}
