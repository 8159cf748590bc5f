import { describe, expect, it } from 'vitest';
import { compilePrompt } from './prompt';
import { makeShot } from './shot.testkit';
import { linesFromText } from './dialogue';
import { emptyListFields } from './shotList';

const shot = makeShot({
  action: 'Mara steps in out of the rain and looks at @diner_sign',
  dialogue: linesFromText('Coffee. Black.'),
  prompt: {
    subject: '@mara, 30s, soaked trench coat',
    scene: 'a neon-lit diner at night',
    camera: 'push_in',
    cameraText: 'low angle',
    motion: 'rain streaks past the window',
    style: '35mm film, teal and orange',
    negative: 'text, watermark',
    beats: '0-2s: she shakes off the rain\n2-5s: she looks up',
  },
});

const isWellFormed = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

describe('compilePrompt for Runway', () => {
  const out = compilePrompt(shot, 'runway:gen4_turbo');

  it('puts camera language first, then the shot, with time in it', () => {
    expect(out.text).toBe(
      'Slow dolly push in, low angle. @mara, 30s, soaked trench coat. Mara steps in out of the rain and looks at @diner_sign. ' +
        'A neon-lit diner at night. Rain streaks past the window. ' +
        'Over 5 s: 0-2s: she shakes off the rain; 2-5s: she looks up. 35mm film, teal and orange.',
    );
    expect(out.limit).toBe(1000);
    expect(out.truncated).toBe(false);
    expect(out.chars).toBe(out.text.length);
  });

  it('keeps @tags intact', () => {
    expect(out.text).toContain('@mara,');
    expect(out.text).toContain('@diner_sign.');
  });

  it('drops the negative, which Runway has no field for, and leaves dialogue out', () => {
    expect(out.negative).toBeNull();
    expect(out.text).not.toContain('watermark');
    expect(out.text).not.toContain('Coffee');
    expect(out.notes.join(' ')).toMatch(/no negative prompt: it is dropped/);
    expect(out.notes.join(' ')).toMatch(/Dialogue is not sent/);
  });
});

describe('compilePrompt for a storyboard frame', () => {
  it('keeps subject, action, setting and style, and leaves out the motion, the camera move, the beats and the dialogue', () => {
    const out = compilePrompt(shot, 'runway:gen4_image');
    expect(out.text).toBe(
      '@mara, 30s, soaked trench coat. Mara steps in out of the rain and looks at @diner_sign. A neon-lit diner at night. 35mm film, teal and orange.',
    );
    expect(out.notes.some((n) => n.includes('Dialogue'))).toBe(false);
  });
});

describe('compilePrompt for providers with a negative field', () => {
  it('sends Kling the negative separately under a 2500 limit', () => {
    const out = compilePrompt(shot, 'kling:kling-v2-5-turbo');
    expect(out.negative).toBe('text, watermark');
    expect(out.text).not.toContain('watermark');
    expect(out.limit).toBe(2500);
    expect(out.text.startsWith('Slow dolly push in, low angle.')).toBe(true);
  });

  it('cuts an over-long Kling negative and says so', () => {
    const out = compilePrompt(makeShot({ prompt: { negative: 'blur '.repeat(600) } }), 'kling:kling-v2-5-turbo');
    expect(out.negative?.length).toBeLessThanOrEqual(2500);
    expect(out.negative?.endsWith('blur')).toBe(true);
    expect(out.notes.join(' ')).toMatch(/takes 2500, so the end is cut/);
  });

  it('gives Veo its negative and the spoken line, since Veo makes sound', () => {
    const out = compilePrompt(shot, 'veo:veo-3.1-generate-preview');
    expect(out.negative).toBe('text, watermark');
    expect(out.text.endsWith('Spoken line: "Coffee. Black."')).toBe(true);
    expect(out.notes.some((n) => n.includes('Dialogue'))).toBe(false);
  });
});

describe('compilePrompt for providers without one', () => {
  it('drops the negative for Luma', () => {
    const out = compilePrompt(shot, 'luma:ray-2');
    expect(out.negative).toBeNull();
    expect(out.text).not.toContain('watermark');
  });

  it('writes MiniMax camera moves as bracket commands and folds the negative in', () => {
    const out = compilePrompt(shot, 'minimax:MiniMax-Hailuo-02');
    expect(out.text.startsWith('[Push in] Low angle. @mara')).toBe(true);
    expect(out.text).not.toContain('dolly');
    expect(out.text.endsWith('Avoid: text, watermark.')).toBe(true);
    expect(out.negative).toBeNull();
    expect(out.limit).toBe(2000);
    expect(out.notes.join(' ')).toContain('"Avoid: …"');
  });

  it('maps every MiniMax camera preset to its command', () => {
    const text = (camera: 'orbit' | 'crane' | 'static') => compilePrompt(makeShot({ prompt: { camera } }), 'minimax:MiniMax-Hailuo-02').text;
    expect(text('orbit').startsWith('[Truck left, Pan right] ')).toBe(true);
    expect(text('crane').startsWith('[Pedestal up] ')).toBe(true);
    expect(text('static').startsWith('[Static shot] ')).toBe(true);
  });

  it('gives the local animatic the action as title text', () => {
    const out = compilePrompt(shot, 'local:animatic');
    expect(out.text).toBe('Mara steps in out of the rain and looks at @diner_sign');
    expect(out.negative).toBeNull();
    expect(out.limit).toBe(200);
    const noAction = compilePrompt(makeShot({ action: '  ', prompt: { subject: 'Mara' } }), 'local:animatic');
    expect(noAction.text).toBe('Mara');
  });
});

describe('camera words', () => {
  it('names a static camera rather than leaving the move to chance', () => {
    expect(compilePrompt(makeShot(), 'kling:kling-v2-6').text).toBe('Static camera, locked off. Mara steps in out of the rain.');
  });
});

describe('truncation', () => {
  const long = makeShot({ action: 'word '.repeat(300).trim() + ' @mara' });

  it('cuts at the limit between words and says so', () => {
    const out = compilePrompt(long, 'runway:gen4_turbo');
    expect(out.truncated).toBe(true);
    expect(out.text.length).toBeLessThanOrEqual(1000);
    expect(out.text.length).toBeGreaterThan(960);
    expect(out.chars).toBeGreaterThan(1000);
    expect(out.text.endsWith('word')).toBe(true);
    expect(out.notes.join(' ')).toMatch(/compiles to \d+ characters; .* takes 1000, so the end is cut/);
  });

  it('never splits a surrogate pair', () => {
    // 'a' then emoji pairs: every odd index holds a high surrogate, so a cut at 200 would split one.
    const out = compilePrompt(makeShot({ action: `a${'😀'.repeat(150)}` }), 'local:animatic');
    expect(out.text.length).toBe(199);
    expect(isWellFormed(out.text)).toBe(true);
    expect(out.truncated).toBe(true);
  });

  it('counts UTF-16 units, as Runway does', () => {
    const out = compilePrompt(makeShot({ action: '😀'.repeat(10) }), 'local:animatic');
    expect(out.chars).toBe(20);
  });

  it('never leaves half an @tag', () => {
    const out = compilePrompt(makeShot({ action: `${'x'.repeat(195)}@mara_long` }), 'local:animatic');
    expect(out.text).toBe('x'.repeat(195));
  });

  it('compiles an unknown tool as plain prose under 1000 characters', () => {
    const out = compilePrompt(makeShot(), 'pika:v2');
    expect(out.limit).toBe(1000);
    expect(out.text).toContain('Mara steps in out of the rain.');
    expect(out.notes[0]).toContain('not in the catalog');
  });
});

describe('framing from the shot list', () => {
  const framed = makeShot({ action: 'Mara waits', list: { ...emptyListFields(), size: 'CU', angle: 'low' } });

  it('leads the prompt in each provider’s words', () => {
    expect(compilePrompt(framed, 'runway:gen4_turbo').text).toMatch(/^Close-up, low angle looking up\. Static camera/);
    expect(compilePrompt(framed, 'veo:veo-3.1-generate-preview').text).toMatch(/^Close-up shot, low-angle shot\. /);
    // MiniMax's camera command stays first; the framing opens the prose after it.
    expect(compilePrompt(framed, 'minimax:MiniMax-Hailuo-02').text).toMatch(/^\[Static shot\] Close-up, low angle looking up\. /);
  });

  it('adds nothing when the shot has no size or angle, or the request predates them', () => {
    const plain = makeShot({ action: 'Mara waits' });
    expect(compilePrompt(plain, 'runway:gen4_turbo').text).toMatch(/^Static camera/);
    const { list: _list, ...queuedBefore } = framed;
    expect(compilePrompt(queuedBefore, 'runway:gen4_turbo').text).toMatch(/^Static camera/);
  });
});
