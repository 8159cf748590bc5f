// What the Runway fake charges, from Runway's published per-second prices (the official
// runwayml/skills API reference), kept apart from the app's catalog so a catalog price that
// drifts from the provider's shows up as a difference between estimate and charge.
const PER_SECOND: Record<string, number> = { gen4_turbo: 5, 'gen4.5': 12, 'veo3.1': 40, 'veo3.1_fast': 15 };
/** gen4_image per image: 720p ratios cost 5, 1080p ratios 8; gen4_image_turbo 2 at any size. */
const IMAGE_720 = new Set(['1280:720', '720:1280', '720:720', '960:720', '720:960', '1680:720']);

export function creditsFor(path: string, body: Record<string, unknown>): number {
  if (path === '/v1/text_to_image') return body.model === 'gen4_image_turbo' ? 2 : IMAGE_720.has(String(body.ratio)) ? 5 : 8;
  const perSecond = PER_SECOND[String(body.model)] ?? 0;
  return perSecond * (typeof body.duration === 'number' ? body.duration : 8);
}
