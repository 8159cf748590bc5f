// Gemini image generation on the Veo fake (`POST /v1beta/models/{model}:generateContent`): the
// request validated as the Gemini API reads it (contents with text and inlineData parts,
// generationConfig.responseModalities and imageConfig), and an answer in the same call: a real
// PNG inline as base64, a safety stop, words without an image, or an error.
import { randomBytes } from 'node:crypto';
import { isObject, type FakeResponse } from '../common';

/** imageConfig.aspectRatio values (Gemini image generation docs; 3.1 Flash Image adds the extreme ones). */
const RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9', '1:4', '4:1', '1:8', '8:1'];
/** imageConfig.imageSize: an uppercase K is required. */
const SIZES = ['512', '1K', '2K', '4K'];
/** Output tokens per image by size (Google Cloud's Gemini 3.1 Flash Image page). */
const TOKENS: Record<string, number> = { '512': 747, '1K': 1120, '2K': 1680, '4K': 2520 };
const MIMES = ['image/png', 'image/jpeg', 'image/webp'];

export type ImageOutcome = 'succeed' | 'never' | { error: { code: number; message: string } } | { rai: string[] } | { text: string };

export interface ImageContext {
  /** Largest number of input images in one request (14 for Gemini 3.1 Flash Image). */
  maxInputImages: number;
  png: Buffer;
  fail: (status: number, message: string) => FakeResponse;
}

/** google.rpc code of an injected operation error → the HTTP status a synchronous call answers with. */
const HTTP_FOR_RPC: Record<number, number> = { 3: 400, 7: 403, 8: 429, 13: 500, 14: 503 };

/** The 400 message, or null when the body is one the Gemini API would accept. */
export function validateGenerateContent(body: unknown, ctx: ImageContext): string | null {
  if (!isObject(body) || !Array.isArray(body.contents) || body.contents.length === 0) return 'contents must be a non-empty list';
  let images = 0;
  let text = false;
  for (const content of body.contents as unknown[]) {
    if (!isObject(content) || !Array.isArray(content.parts) || content.parts.length === 0) return 'contents[].parts must be a non-empty list';
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'model') return `Invalid role "${String(content.role)}"`;
    for (const part of content.parts as unknown[]) {
      if (isObject(part) && typeof part.text === 'string') {
        text ||= part.text.trim() !== '';
      } else if (isObject(part) && isObject(part.inlineData)) {
        const { mimeType, data } = part.inlineData;
        if (typeof mimeType !== 'string' || !MIMES.includes(mimeType)) return `Unsupported MIME type: ${String(mimeType)}`;
        if (typeof data !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(data)) return 'inlineData.data must be base64';
        images += 1;
      } else {
        return 'Each part must have text or inlineData';
      }
    }
  }
  if (!text) return 'contents must include a text prompt';
  if (images > ctx.maxInputImages) return `At most ${ctx.maxInputImages} input images are supported; got ${images}`;
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  const modalities = config.responseModalities;
  if (modalities !== undefined && (!Array.isArray(modalities) || modalities.some((m) => m !== 'TEXT' && m !== 'IMAGE'))) {
    return "Invalid value at 'generation_config.response_modalities': TEXT or IMAGE";
  }
  if (config.seed !== undefined && !Number.isInteger(config.seed)) return 'seed must be an integer';
  const image = isObject(config.imageConfig) ? config.imageConfig : {};
  if (image.aspectRatio !== undefined && !RATIOS.includes(String(image.aspectRatio))) return `aspectRatio must be one of ${RATIOS.join(', ')}`;
  if (image.imageSize !== undefined && !SIZES.includes(String(image.imageSize))) return `imageSize must be one of ${SIZES.join(', ')} (with an uppercase K)`;
  return null;
}

/** The answer to a valid request, given how this generation is set to end. */
export function generateReply(body: Record<string, unknown>, model: string, outcome: ImageOutcome, ctx: ImageContext): FakeResponse {
  if (typeof outcome === 'object' && 'error' in outcome) {
    return ctx.fail(HTTP_FOR_RPC[outcome.error.code] ?? 500, outcome.error.message);
  }
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  const size = isObject(config.imageConfig) ? String(config.imageConfig.imageSize ?? '1K') : '1K';
  const wantsImage = !Array.isArray(config.responseModalities) || config.responseModalities.includes('IMAGE');
  const meta = { modelVersion: model, responseId: randomBytes(8).toString('hex') };
  const usage = (out: number) => ({ usageMetadata: { promptTokenCount: 12, candidatesTokenCount: out, totalTokenCount: 12 + out } });
  if (typeof outcome === 'object' && 'rai' in outcome) {
    const candidate = { content: { role: 'model', parts: [] }, finishReason: 'IMAGE_SAFETY', finishMessage: outcome.rai.join(' '), index: 0 };
    return { status: 200, body: { candidates: [candidate], ...usage(0), ...meta } };
  }
  if ((typeof outcome === 'object' && 'text' in outcome) || !wantsImage) {
    const words = typeof outcome === 'object' && 'text' in outcome ? outcome.text : 'Here is a description of the image.';
    return {
      status: 200,
      body: { candidates: [{ content: { role: 'model', parts: [{ text: words }] }, finishReason: 'STOP', index: 0 }], ...usage(20), ...meta },
    };
  }
  const parts = [{ inlineData: { mimeType: 'image/png', data: ctx.png.toString('base64') } }];
  return {
    status: 200,
    body: { candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }], ...usage(TOKENS[size] ?? 1120), ...meta },
  };
}
