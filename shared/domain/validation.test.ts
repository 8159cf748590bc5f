import { describe, expect, it } from 'vitest';
import { compilePrompt } from './prompt';
import { makeShot } from './shot.testkit';
import { validateShot, type ShotIssue } from './validation';

const only = (issues: ShotIssue[], field: ShotIssue['field']) => issues.filter((i) => i.field === field);

describe('a shot that fits its model', () => {
  it('has no issues', () => {
    expect(validateShot(makeShot())).toEqual([]);
    expect(validateShot(makeShot({ tool: 'local:animatic', durationS: 3.5, aspectRatio: '21:9' }))).toEqual([]);
    expect(validateShot(makeShot({ tool: 'runway:gen4_turbo', durationS: 7 }), { hasStartKeyframe: true })).toEqual([]);
  });
});

describe('tool', () => {
  it('reports an unknown tool and nothing else', () => {
    expect(validateShot(makeShot({ tool: 'pika:v2', durationS: 99 }))).toEqual([
      { field: 'tool', severity: 'error', message: '"pika:v2" is not a model Shotline knows. Pick a tool from the list.' },
    ]);
  });

  it('refuses an image model as a shot tool', () => {
    const [issue] = validateShot(makeShot({ tool: 'runway:gen4_image' }));
    expect(issue).toMatchObject({ field: 'tool', severity: 'error' });
    expect(issue?.message).toContain('still frames');
  });
});

describe('duration', () => {
  it('names the accepted range, the shot, and a way out', () => {
    const [issue] = only(validateShot(makeShot({ tool: 'runway:gen4_turbo', durationS: 12 }), { hasStartKeyframe: true }), 'durationS');
    expect(issue).toEqual({
      field: 'durationS',
      severity: 'error',
      message: 'Runway Gen-4 Turbo accepts 2–10 s; this shot is 12 s. Set it to 10 s or split it into shorter shots.',
    });
  });

  it('suggests another provider that takes the exact duration', () => {
    const [issue] = only(validateShot(makeShot({ durationS: 7 })), 'durationS');
    expect(issue?.message).toBe('Kling 2.5 Turbo accepts 5 or 10 s; this shot is 7 s. Set it to 5 s or pick Runway Gen-4 Turbo.');
  });

  it('explains a limit that comes from the resolution', () => {
    const [issue] = only(validateShot(makeShot({ tool: 'minimax:MiniMax-Hailuo-02', durationS: 10, resolution: '1080p' })), 'durationS');
    expect(issue?.message).toBe('MiniMax Hailuo 02 makes only 6 s clips at 1080p; this shot is 10 s. Set it to 6 s or use 768p.');
  });

  it('rejects a zero duration', () => {
    expect(only(validateShot(makeShot({ durationS: 0 })), 'durationS')[0]?.severity).toBe('error');
  });
});

describe('aspect ratio', () => {
  it('errors on a ratio the model never makes', () => {
    const [issue] = only(validateShot(makeShot({ tool: 'veo:veo-3.1-generate-preview', durationS: 8, aspectRatio: '4:3' })), 'aspectRatio');
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toContain('Veo 3.1 makes 16:9 or 9:16; this shot is 4:3.');
  });

  it('accepts a ratio Kling makes only from a start image once there is one', () => {
    const shot = makeShot({ aspectRatio: '21:9' });
    const [issue] = only(validateShot(shot), 'aspectRatio');
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toContain('Add a start keyframe at 21:9');
    expect(only(validateShot(shot, { hasStartKeyframe: true }), 'aspectRatio')).toEqual([]);
  });

  it('warns that Runway will make a start frame for a ratio text-to-video lacks', () => {
    const shot = makeShot({ tool: 'runway:gen4.5', aspectRatio: '4:3' });
    const [issue] = only(validateShot(shot), 'aspectRatio');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('Runway Gen-4 Image (about 5 credits)');
    expect(validateShot(shot, { refCount: 2 })).toEqual([]);
  });
});

describe('resolution', () => {
  it('errors on a resolution the model does not make', () => {
    const [issue] = only(validateShot(makeShot({ resolution: '4k' })), 'resolution');
    expect(issue?.message).toBe('Kling 2.5 Turbo makes 720p or 1080p; this shot asks for 4k. Pick one of those, or clear it to use 720p.');
  });
});

describe('keyframes', () => {
  it('errors on an end keyframe for a start-frame-only model, pointing at one that takes it', () => {
    const [issue] = only(validateShot(makeShot({ tool: 'runway:gen4_turbo' }), { hasStartKeyframe: true, hasEndKeyframe: true }), 'keyframes');
    expect(issue).toEqual({
      field: 'keyframes',
      severity: 'error',
      message: 'Runway Gen-4 Turbo takes a start frame only. Remove the end keyframe or pick Veo 3.1 via Runway.',
    });
  });

  it('needs Kling pro mode (1080p) for an end keyframe', () => {
    const opts = { hasStartKeyframe: true, hasEndKeyframe: true };
    const [issue] = only(validateShot(makeShot(), opts), 'keyframes');
    expect(issue?.message).toBe(
      'Kling 2.5 Turbo takes an end keyframe only at 1080p (pro mode); this shot is 720p. Change the resolution or remove the end keyframe.',
    );
    expect(validateShot(makeShot({ resolution: '1080p' }), opts)).toEqual([]);
  });

  it('needs a start keyframe before an end one where the API does', () => {
    const veo = makeShot({ tool: 'veo:veo-3.1-generate-preview', durationS: 8 });
    expect(only(validateShot(veo, { hasEndKeyframe: true }), 'keyframes')[0]?.message).toContain('needs a start keyframe to use an end keyframe');
  });

  it('takes Veo 3.1 reference images only in 8 s 16:9 shots, as the Gemini docs say', () => {
    const veo = (durationS: number, aspectRatio: '16:9' | '9:16') => makeShot({ tool: 'veo:veo-3.1-generate-preview', durationS, aspectRatio });
    expect(validateShot(veo(8, '16:9'), { refCount: 2 })).toEqual([]);
    expect(validateShot(veo(4, '16:9'))).toEqual([]);
    const [short] = validateShot(veo(4, '16:9'), { refCount: 1 });
    expect(short).toMatchObject({ field: 'refs', severity: 'error' });
    expect(short!.message).toBe(
      'Veo 3.1 uses reference images only in 8 s 16:9 shots; this one is 4 s at 16:9. Set the duration to 8 s or remove the references.',
    );
    expect(validateShot(veo(8, '9:16'), { refCount: 1 })[0]!.message).toContain('Set the ratio to 16:9 or remove the references.');
  });

  it('refuses Luma keyframes before queueing: Luma takes only web links, and images stay on this computer', () => {
    const luma = makeShot({ tool: 'luma:ray-2' });
    expect(validateShot(luma)).toEqual([]);
    for (const opts of [{ hasStartKeyframe: true }, { hasEndKeyframe: true }, { hasStartKeyframe: true, hasEndKeyframe: true }]) {
      const issues = validateShot(luma, opts);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ field: 'keyframes', severity: 'error' });
      expect(issues[0]!.message).toMatch(
        /^Luma Ray 2 takes keyframes only as public web links .* cannot be sent\. Remove the (start |end )?keyframes? or pick /,
      );
    }
  });

  it('warns that gen4_turbo will get a start frame made first, unless references do it', () => {
    const shot = makeShot({ tool: 'runway:gen4_turbo' });
    const [issue] = only(validateShot(shot), 'keyframes');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('made from the prompt with Runway Gen-4 Image first');
    expect(validateShot(shot, { refCount: 1 })).toEqual([]);
  });

  it('errors when an image-only model has no way to a start frame', () => {
    const [issue] = only(validateShot(makeShot({ tool: 'kling:kling-v2-1' })), 'keyframes');
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toBe('Kling 2.1 only animates a start image. Add a start keyframe or pick Kling 2.5 Turbo, which also works from text.');
  });
});

describe('references', () => {
  it('errors on more references than the model takes', () => {
    const [issue] = only(validateShot(makeShot({ tool: 'runway:gen4_turbo' }), { refCount: 4 }), 'refs');
    expect(issue?.message).toBe('Runway Gen-4 Turbo takes up to 3 reference images; this shot has 4. Remove 1 or pick Kling 1.6.');
  });

  it('errors on references for a model without any, preferring the same provider', () => {
    const [issue] = only(validateShot(makeShot(), { refCount: 2 }), 'refs');
    expect(issue?.message).toBe('Kling 2.5 Turbo takes no reference images; this shot has 2. Remove them or pick Kling 1.6.');
  });

  it('warns that a Runway start keyframe makes references unused', () => {
    const [issue] = only(validateShot(makeShot({ tool: 'runway:gen4_turbo' }), { refCount: 2, hasStartKeyframe: true }), 'refs');
    expect(issue?.severity).toBe('warning');
  });

  it('errors where references and keyframes cannot go together', () => {
    const [issue] = only(validateShot(makeShot({ tool: 'kling:kling-v1-6' }), { refCount: 2, hasStartKeyframe: true }), 'refs');
    expect(issue?.message).toBe('Kling 1.6 takes reference images or keyframes, not both. Remove the references or the keyframes.');
    expect(validateShot(makeShot({ tool: 'kling:kling-v1-6' }), { refCount: 4 })).toEqual([]);
  });
});

describe('prompt', () => {
  it('warns that a negative will be dropped or folded where there is no field', () => {
    const negative = { prompt: { negative: 'text, watermark' } };
    const runway = only(validateShot(makeShot({ tool: 'runway:gen4_turbo', ...negative }), { hasStartKeyframe: true }), 'prompt.negative');
    expect(runway[0]).toMatchObject({ severity: 'warning' });
    expect(runway[0]?.message).toContain('it is dropped');
    const minimax = only(validateShot(makeShot({ tool: 'minimax:MiniMax-Hailuo-02', durationS: 6, ...negative })), 'prompt.negative');
    expect(minimax[0]?.message).toContain('"Avoid: …"');
    expect(validateShot(makeShot(negative))).toEqual([]);
    // One sentence for one fact: the preview's note is the warning's text, so the inspector shows it once.
    expect(compilePrompt(makeShot({ tool: 'runway:gen4_turbo', ...negative }), 'runway:gen4_turbo').notes).toContain(runway[0]!.message);
  });

  it('warns when the compiled prompt is over the limit', () => {
    const shot = makeShot({ tool: 'runway:gen4.5', prompt: { scene: 'a long description '.repeat(60) } });
    const [issue] = only(validateShot(shot), 'prompt');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toMatch(/^The prompt compiles to \d+ characters; Runway Gen-4.5 takes 1000/);
  });

  it('errors when a text-only render has nothing to draw', () => {
    const blank = makeShot({ action: '', prompt: { camera: 'push_in' } });
    const [issue] = only(validateShot(blank), 'action');
    expect(issue?.severity).toBe('error');
    expect(validateShot(blank, { hasStartKeyframe: true })).toEqual([]);
    expect(validateShot(makeShot({ action: '', tool: 'local:animatic' }))).toEqual([]);
  });
});

describe('reference tags', () => {
  const runway = (prompt: Parameters<typeof makeShot>[0]) => makeShot({ tool: 'runway:gen4.5', durationS: 5, ...prompt });

  it('flags a prompt @tag with no slot, and a slot the prompt never names', () => {
    const shot = runway({ action: '@mara walks into @diner' });
    const issues = validateShot(shot, { refCount: 2, refTags: ['mara', 'neon'], knownTags: ['mara', 'diner', 'neon'] });
    expect(only(issues, 'prompt').map((i) => i.message)).toEqual([
      '@diner is in the prompt but no reference slot holds it. Drag @diner onto a slot, or take it out of the prompt.',
    ]);
    expect(only(issues, 'refs').map((i) => i.message)).toEqual([
      'Slot 2 holds @neon, but the prompt never mentions it. Name @neon in the prompt so Runway Gen-4.5 knows what it is for.',
    ]);
  });

  it('is quiet when prompt and slots agree, in any case, and for loose images', () => {
    const shot = runway({ action: '@Mara walks into @diner' });
    expect(validateShot(shot, { refCount: 3, refTags: ['mara', 'DINER', null] })).toEqual([]);
  });

  it('tells a misspelt tag from a missing slot', () => {
    const [issue] = only(validateShot(runway({ action: '@mrra waits' }), { refTags: [], knownTags: ['mara'] }), 'prompt');
    expect(issue?.message).toBe('@mrra is not a tag in the library. Check the spelling, or add an item tagged @mrra.');
  });

  it('says a tag is plain text on a model without references', () => {
    const [issue] = only(validateShot(makeShot({ action: '@mara waits' }), { refTags: [] }), 'prompt');
    expect(issue?.message).toContain('takes no reference images, so @mara is sent as plain text');
  });

  it('skips tag checks when the caller does not pass the slots', () => {
    expect(validateShot(runway({ action: '@mara waits' }))).toEqual([]);
  });

  it('marks more references than the model takes as an error, per the catalog', () => {
    const four = validateShot(runway({ action: 'x' }), { refCount: 4 });
    expect(only(four, 'refs')[0]).toMatchObject({ severity: 'error' });
    expect(only(four, 'refs')[0]?.message).toContain('takes up to 3 reference images; this shot has 4');
    expect(only(validateShot(runway({ action: 'x' }), { refCount: 3 }), 'refs')).toEqual([]);
    const kling = validateShot(makeShot({ tool: 'kling:kling-v1-6' }), { refCount: 4 });
    expect(only(kling, 'refs').filter((i) => i.severity === 'error')).toEqual([]);
  });
});
