// The spoken-line channels as the renderer calls them, with the local voice through the real
// engine: every shot's sound, circling a take (the mix places it; reorders keep it, rewording
// drops it), moving a line, and lengthening a shot its dialogue runs past; each edit undone.
import { afterEach, describe, expect, it } from 'vitest';
import { LINE_GAP_S } from '../../../shared/domain/lines';
import type { DialogueLine } from '../../../shared/domain/dialogue';
import { laneSound } from '../cut/projectAnimatic';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';

const tmp = useTmpDir('shotline-lines-ch-');
let t: ReturnType<typeof testCore>;
afterEach(async () => {
  await t.core.session.drain();
  t.close();
});

const line = (speaker: string, text: string): DialogueLine => ({ speaker, extension: null, parenthetical: null, text });

/** A project with MARA and DEE voiced locally and one short local-animatic shot where both speak. */
async function scene() {
  t = testCore(tmp());
  await t.call('project.create', { parentDir: tmp(), title: 'Lines' });
  const cast: string[] = [];
  for (const name of ['Mara', 'Dee']) {
    const item = await t.call('library.createItem', { kind: 'character', name });
    await t.call('library.updateItem', { id: item.id, patch: { voice: 'local' } });
    cast.push(item.id);
  }
  const sceneId = (await t.call('project.snapshot', {})).scenes[0]!.id;
  const shot = await t.call('shot.add', { sceneId });
  const dialogue = [line('MARA', 'The kitchen closed an hour ago, but the coffee is still hot.'), line('DEE', 'Then pour me one.')];
  await t.call('shot.update', { id: shot.id, patch: { tool: 'local:animatic', durationS: 1, dialogue } });
  return { shotId: shot.id, cast };
}

/** Speaks the lines of the shot and waits for them. */
async function speak(input: { shotIds?: string[]; takes?: number }) {
  const queued = await t.call('sound.generateLines', input);
  expect((await t.batchFinished(queued.batchId!)).failed).toBe(0);
  return queued;
}

const dialogueFiles = () =>
  laneSound(t.core.session.current!.project)
    .filter((e) => e.lane === 'dialogue')
    .map((e) => ({ file: e.file, startS: e.startS }));

describe('sound channels for spoken lines', () => {
  it('speaks takes of each line, lists them, and circles one the mix then places, through reorders, until reworded', async () => {
    const { shotId, cast } = await scene();
    const queued = await speak({ shotIds: [shotId], takes: 2 });
    expect(queued).toMatchObject({ shots: 1, skipped: [] });
    expect(queued.jobIds).toHaveLength(4);
    // A third take in another variant of the voice, so its file differs from the first's.
    for (const id of cast) await t.call('library.updateItem', { id, patch: { voice: 'local:2' } });
    await speak({ shotIds: [shotId] });

    const sound = (await t.call('sound.shots', {}))[shotId]!;
    expect(sound).toMatchObject({ shotId, mode: 'both', cues: [] });
    expect(sound.lines.map((l) => [l.speaker, l.takes.map((k) => k.number), l.offsetS])).toEqual([
      ['MARA', [1, 2, 3], null],
      ['DEE', [1, 2, 3], null],
    ]);
    const [mara, dee] = sound.lines;
    // Nothing circled: the newest plays, and DEE starts a breath after MARA ends.
    expect(mara!.take!.id).toBe(mara!.takes[2]!.id);
    expect(dee!.startS).toBeCloseTo(mara!.take!.durationS + LINE_GAP_S, 6);
    expect(sound.overrunS).toBeCloseTo(dee!.startS + dee!.take!.durationS - 1, 1);
    expect(sound.fixDurationS).toBe(Math.ceil((dee!.startS + dee!.take!.durationS) * 2) / 2);
    const firstMara = mara!.takes[0]!;
    // Otherwise the mix placing one file or the other could not be told apart.
    expect(firstMara.relPath).not.toBe(mara!.take!.relPath);
    expect(dialogueFiles()[0]!.file).toContain(mara!.take!.relPath);

    await t.call('sound.circle', { takeId: firstMara.id, circled: true });
    const circled = (await t.call('sound.shots', {}))[shotId]!.lines[0]!;
    expect(circled.take).toMatchObject({ id: firstMara.id, circled: true });
    expect(dialogueFiles()[0]!.file).toContain(firstMara.relPath);

    // Undo takes the circle back.
    await t.call('history.undo', {});
    expect((await t.call('sound.shots', {}))[shotId]!.lines[0]!.take!.id).toBe(mara!.takes[2]!.id);
    await t.call('history.redo', {});

    // DEE first now: MARA's line keeps its circled take.
    await t.call('shot.update', {
      id: shotId,
      patch: { dialogue: [line('DEE', 'Then pour me one.'), line('MARA', 'The kitchen closed an hour ago, but the coffee is still hot.')] },
    });
    const swapped = (await t.call('sound.shots', {}))[shotId]!.lines;
    expect(swapped[1]!.take).toMatchObject({ id: firstMara.id, circled: true });
    expect(dialogueFiles().map((e) => e.file)[1]).toContain(firstMara.relPath);

    // New words are a new line: no takes, no circle, nothing placed for it.
    await t.call('shot.update', { id: shotId, patch: { dialogue: [line('DEE', 'Then pour me one.'), line('MARA', 'Closed. Coffee is hot.')] } });
    const reworded = (await t.call('sound.shots', {}))[shotId]!.lines[1]!;
    expect(reworded).toMatchObject({ take: null, takes: [] });
    expect(dialogueFiles()).toHaveLength(1);

    // A rejected circled take does not play; the newest unrejected does.
    await t.call('shot.update', { id: shotId, patch: { dialogue: [line('MARA', 'The kitchen closed an hour ago, but the coffee is still hot.')] } });
    await t.call('takes.reject', { takeId: firstMara.id, rejected: true });
    expect((await t.call('sound.shots', {}))[shotId]!.lines[0]!.take!.id).toBe(mara!.takes[2]!.id);
  });

  it('moves a line to its own offset and lengthens the shot to hold the dialogue, each undoable', async () => {
    const { shotId } = await scene();
    await speak({});
    const before = (await t.call('sound.shots', {}))[shotId]!;
    const deeAt = before.lines[1]!.startS;

    const moved = await t.call('sound.setLineOffset', { shotId, index: 1, offsetS: deeAt + 2 });
    expect(moved.lines[1]).toMatchObject({ offsetS: deeAt + 2, startS: deeAt + 2 });
    expect(moved.overrunS).toBeCloseTo(before.overrunS + 2, 2);
    expect(dialogueFiles()[1]!.startS).toBeCloseTo(deeAt + 2, 6);
    await t.call('history.undo', {});
    expect((await t.call('sound.shots', {}))[shotId]!.lines[1]).toMatchObject({ offsetS: null, startS: deeAt });
    expect(dialogueFiles()[1]!.startS).toBeCloseTo(deeAt, 6);

    const fixed = await t.call('sound.fixOverrun', { shotId });
    expect(fixed.durationS).toBe(before.fixDurationS);
    expect((await t.call('sound.shots', {}))[shotId]).toMatchObject({ overrunS: 0, fixDurationS: null });
    await expect(t.call('sound.fixOverrun', { shotId })).rejects.toThrow(/already fits/);
    await t.call('history.undo', {});
    expect((await t.call('project.snapshot', {})).shots[0]!.durationS).toBe(1);

    // A tool with no clip long enough: refused with what to do.
    await t.call('shot.update', { id: shotId, patch: { tool: 'luma:ray-2', durationS: 5 } });
    await t.call('sound.setLineOffset', { shotId, index: 1, offsetS: 9 });
    await expect(t.call('sound.fixOverrun', { shotId })).rejects.toThrow(/makes no clip that long/);
  });

  it('circles a take of an effect cue, and refuses takes that are neither lines nor effects', async () => {
    const { shotId } = await scene();
    const cue = await t.call('sfx.add', { shotId, text: 'door slams', seconds: 1 });
    for (let i = 0; i < 2; i++) await t.batchFinished((await t.call('sfx.generate', { cueIds: [cue.id], tool: 'local:sfx' })).batchId!);
    const cueOf = async () => (await t.call('sound.shots', {}))[shotId]!.cues[0]!;
    const [first, second] = (await cueOf()).takes;
    expect((await cueOf()).take!.id).toBe(second!.id);
    await t.call('sound.circle', { takeId: first!.id, circled: true });
    expect((await cueOf()).take).toMatchObject({ id: first!.id, circled: true });
    await t.call('sound.circle', { takeId: first!.id, circled: false });
    expect((await cueOf()).take).toMatchObject({ id: second!.id, circled: false });
    await t.call('history.undo', {});
    expect((await cueOf()).take!.id).toBe(first!.id);

    const frames = await t.call('frames.generate', { shotIds: [shotId], tool: 'local:frame' });
    await t.batchFinished(frames.batchId!);
    const frame = (await t.call('takes.list', { shotId, kind: 'frame' }))[0]!;
    await expect(t.call('sound.circle', { takeId: frame.id, circled: true })).rejects.toThrow(/frame take.*only takes of lines and effects/);
  });

  it('fits a shot rewritten by a revised script to its lines’ measured length, not the words’ estimate', async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Draft' });
    const words = Array(15).fill('no').join(' ');
    const fdx = (action: string) => ({
      name: 'Draft.fdx',
      bytes: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><FinalDraft DocumentType="Script" Version="5"><Content>` +
          `<Paragraph Type="Scene Heading" Number="1"><Text>INT. DINER - NIGHT</Text></Paragraph>` +
          `<Paragraph Type="Action"><Text>${action}</Text></Paragraph>` +
          `<Paragraph Type="Character"><Text>MARA</Text></Paragraph><Paragraph Type="Dialogue"><Text>${words}</Text></Paragraph>` +
          `</Content></FinalDraft>`,
      ).toString('base64'),
    });
    const choices = { granularity: 'scene' as const, tool: 'local:animatic', characters: ['MARA'] };
    await t.call('script.import', { source: fdx('MARA waits.'), ...choices });
    const mara = (await t.call('library.list', {})).items.find((i) => i.name === 'Mara')!;
    await t.call('library.updateItem', { id: mara.id, patch: { voice: 'local' } });
    const shot = (await t.call('project.snapshot', {})).shots[0]!;
    // 15 words at 2.5 a second.
    expect(shot.durationS).toBe(6.5);
    await speak({});
    const spokenS = (await t.call('sound.shots', {}))[shot.id]!.lines[0]!.take!.durationS;
    expect(spokenS).toBeLessThan(5);

    // The preview shows the length the import then gives it.
    const preview = await t.call('script.preview', { source: fdx('MARA waits by the door, dripping.'), granularity: choices.granularity, tool: choices.tool });
    expect(preview.measuredShots).toBe(1);
    await t.call('script.import', { source: fdx('MARA waits by the door, dripping.'), ...choices });
    const revised = (await t.call('project.snapshot', {})).shots[0]!;
    expect(preview.runningTimeS).toBe(revised.durationS);
    expect(revised.action).toContain('dripping');
    // The measured line plus the action's 6 words at 2 a second, halved, on the animatic's half-second grid.
    expect(revised.durationS).toBe(Math.max(2, Math.ceil((spokenS + 1.5) * 2) / 2));
  });
});
