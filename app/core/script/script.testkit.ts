// One made-up story written out as Fountain and as Final Draft, for tests that compare the two
// parsers and for the 120-page benchmark. Every scene has action, a two-person exchange with a
// parenthetical and an extension, and every fifth a camera line.

const PEOPLE = ['MARA', 'DEE', 'OLD TRUCKER', 'SAM'];
const PLACES = ['DINER', 'PARKING LOT', 'MARA’S CAR', 'MOTEL ROOM', 'HIGHWAY'];

interface StoryScene {
  heading: string;
  number: string;
  action: string;
  shot: string | null;
  lines: Array<{ speaker: string; extension: string | null; parenthetical: string | null; text: string }>;
}

/** `scenes` scenes; about 2.5 scenes a page, so 300 make a 120-page feature. */
export function story(scenes: number): StoryScene[] {
  return Array.from({ length: scenes }, (_, i) => {
    const a = PEOPLE[i % PEOPLE.length]!;
    const b = PEOPLE[(i + 1) % PEOPLE.length]!;
    return {
      heading: `${i % 3 === 0 ? 'EXT' : 'INT'}. ${PLACES[i % PLACES.length]} - ${i % 2 ? 'DAY' : 'NIGHT'}`,
      number: String(i + 1),
      action: `${a} crosses the room and stops at the window. Outside, the rain keeps on, scene ${i + 1}.`,
      shot: i % 5 === 0 ? 'SLOW PUSH ON THE WINDOW' : null,
      lines: [
        { speaker: a, extension: i % 4 === 0 ? 'O.S.' : null, parenthetical: null, text: `We should have left an hour ago, ${b.toLowerCase()}.` },
        { speaker: b, extension: null, parenthetical: '(not looking up)', text: 'Then go. Nobody is stopping you.' },
      ],
    };
  });
}

export function storyFountain(scenes: StoryScene[], title = 'The Long Night'): string {
  const body = scenes.map((s) => {
    const parts = [`${s.heading} #${s.number}#`, s.action];
    if (s.shot) parts.push(s.shot);
    for (const l of s.lines) {
      parts.push([`${l.speaker}${l.extension ? ` (${l.extension})` : ''}`, ...(l.parenthetical ? [l.parenthetical] : []), l.text].join('\n'));
    }
    return parts.join('\n\n');
  });
  return `Title: ${title}\nAuthor: Ana Ruiz\n\n${body.join('\n\n')}\n`;
}

const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (type: string, text: string, attrs = '') => `    <Paragraph Type="${type}"${attrs}><Text>${xml(text)}</Text></Paragraph>`;

export function storyFdx(scenes: StoryScene[], title = 'The Long Night'): string {
  const body = scenes.flatMap((s) => [
    para('Scene Heading', s.heading, ` Number="${s.number}"`),
    para('Action', s.action),
    ...(s.shot ? [para('Shot', s.shot)] : []),
    ...s.lines.flatMap((l) => [
      para('Character', `${l.speaker}${l.extension ? ` (${l.extension})` : ''}`),
      ...(l.parenthetical ? [para('Parenthetical', l.parenthetical)] : []),
      para('Dialogue', l.text),
    ]),
  ]);
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
${body.join('\n')}
  </Content>
  <TitlePage><Content>${para('General', title, ' Alignment="Center"')}${para('General', 'Written by', ' Alignment="Center"')}${para('General', 'Ana Ruiz', ' Alignment="Center"')}</Content></TitlePage>
</FinalDraft>
`;
}
