import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateShot, roundUsd } from '../../../shared/domain/cost';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';

const tmp = useTmpDir();
let t: ReturnType<typeof testCore>;
afterEach(() => t?.close());

const p = (type: string, text: string, attrs = '') => `<Paragraph Type="${type}"${attrs}><Text>${text}</Text></Paragraph>`;
const FDX = `<?xml version="1.0" encoding="UTF-8"?>
<FinalDraft DocumentType="Script" Version="5"><Content>
${p('Scene Heading', 'INT. DINER - NIGHT', ' Number="1"')}
${p('Action', 'Rain hammers the window. MARA pushes the door open.')}
${p('Character', 'DEE')}${p('Dialogue', 'Kitchen’s closed.')}
${p('Character', 'MARA')}${p('Parenthetical', '(flat)')}${p('Dialogue', 'Coffee, then.')}
${p('Scene Heading', 'EXT. PARKING LOT - NIGHT', ' Number="2"')}
${p('Action', 'Taillights recede.')}
</Content><TitlePage><Content>${p('General', 'Night Diner', ' Alignment="Center"')}</Content></TitlePage></FinalDraft>`;

const source = { name: 'Night Diner.fdx', bytes: Buffer.from(FDX).toString('base64') };

async function open() {
  const dir = tmp();
  t = testCore(dir);
  await t.call('project.create', { parentDir: path.join(dir, 'projects'), title: 'Untitled' });
}

describe('importing a screenplay in the app', () => {
  it('previews without writing, then imports scenes, shots with dialogue lines and library items as one undo step', async () => {
    await open();
    // An existing item with the character's name is matched, not duplicated.
    await t.call('library.createItem', { kind: 'character', name: 'Mara', tag: 'mara_lead' });
    const choices = { granularity: 'paragraph' as const, tool: 'local:animatic' };

    const preview = await t.call('script.preview', { source, ...choices });
    expect(preview).toMatchObject({ format: 'fdx', title: 'Night Diner', shots: 3, dialogueLines: 2 });
    expect(preview.scenes).toEqual([
      { heading: '1 INT. DINER - NIGHT', shots: 2, location: 'DINER' },
      { heading: '2 EXT. PARKING LOT - NIGHT', shots: 1, location: 'PARKING LOT' },
    ]);
    expect(preview.characters.map((c) => [c.name, c.speaks, c.matched])).toEqual([
      ['DEE', true, false],
      ['MARA', true, true],
    ]);
    expect((await t.call('project.snapshot', {})).shots).toHaveLength(0);

    const result = await t.call('script.import', { source, ...choices, characters: ['DEE', 'MARA'] });
    expect(result).toEqual({ scenes: 2, shots: 3, created: ['dee', 'diner', 'parking_lot'], matched: ['mara_lead'] });
    const snap = await t.call('project.snapshot', {});
    expect(snap.project.title).toBe('Night Diner');
    // The preview's running time is the sum of the shots the import made.
    expect(preview.runningTimeS).toBe(snap.shots.reduce((n, s) => n + s.durationS, 0));
    expect(snap.scenes.map((s) => s.name)).toEqual(['1 INT. DINER - NIGHT', '2 EXT. PARKING LOT - NIGHT']);
    const exchange = snap.shots.find((s) => s.dialogue.length > 0)!;
    expect(exchange.dialogue).toEqual([
      { speaker: 'DEE', extension: null, parenthetical: null, text: 'Kitchen’s closed.' },
      { speaker: 'MARA', extension: null, parenthetical: '(flat)', text: 'Coffee, then.' },
    ]);
    expect(exchange.prompt).toMatchObject({ subject: '@dee, @mara_lead', scene: '@diner' });
    const library = await t.call('library.list', {});
    expect(library.items.map((i) => [i.kind, i.name, i.tag]).sort()).toEqual([
      ['character', 'Dee', 'dee'],
      ['character', 'Mara', 'mara_lead'],
      ['location', 'Diner', 'diner'],
      ['location', 'Parking Lot', 'parking_lot'],
    ]);

    // One undo takes it all back: shots, scenes, title and the new library items.
    await t.call('history.undo', {});
    const undone = await t.call('project.snapshot', {});
    expect(undone.shots).toHaveLength(0);
    expect(undone.project.title).toBe('Untitled');
    expect((await t.call('library.list', {})).items.map((i) => i.tag)).toEqual(['mara_lead']);
  });

  it('into a project an earlier draft came into, costs only the shots the import adds or rewrites', async () => {
    await open();
    const choices = { granularity: 'paragraph' as const, tool: 'runway:gen4.5' };
    const first = await t.call('script.preview', { source, ...choices });
    expect(first).toMatchObject({ costedShots: 3, revision: null });
    await t.call('script.import', { source, ...choices, characters: ['DEE', 'MARA'] });
    const shots = (await t.call('project.snapshot', {})).shots;
    expect(first.costUsd).toBe(roundUsd(shots.reduce((n, shot) => n + estimateShot(shot).usd, 0)));

    // The same draft again: nothing new to pay for.
    expect(await t.call('script.preview', { source, ...choices })).toMatchObject({ costedShots: 0, costUsd: 0, shots: 3 });

    // Scene 2 rewritten: its one shot is costed, the diner's two are not.
    const revised = {
      name: 'Night Diner.fdx',
      bytes: Buffer.from(FDX.replace('Taillights recede.', 'Taillights recede into the fog, slowly.')).toString('base64'),
    };
    const preview = await t.call('script.preview', { source: revised, ...choices });
    expect(preview).toMatchObject({ costedShots: 1, shots: 3 });
    await t.call('script.import', { source: revised, ...choices, characters: ['DEE', 'MARA'] });
    const rewritten = (await t.call('project.snapshot', {})).shots.find((shot) => shot.action.includes('fog'))!;
    expect(preview.costUsd).toBe(estimateShot(rewritten).usd);
    expect(preview.costUsd).toBeGreaterThan(0);
  });

  it('refuses a file that is not a script with its one line, and writes nothing', async () => {
    await open();
    const pdf = { name: 'Night Diner.pdf', bytes: Buffer.from('%PDF-1.7 ...').toString('base64') };
    await expect(t.call('script.import', { source: pdf, granularity: 'paragraph', tool: 'local:animatic', characters: [] })).rejects.toThrow(
      /"Night Diner.pdf" is a PDF, not a script\. Export the script from your writing app as Fountain/,
    );
    expect((await t.call('project.snapshot', {})).scenes.length).toBeLessThanOrEqual(1);
    expect((await t.call('history.state', {})).canUndo).toBe(false);
  });
});
