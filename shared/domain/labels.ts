// Shot labels in the filmmaker's convention: scene number + letter (1A, 1B … 1Z, 1AA).
// Labels are stored, not derived, so they survive reorders until the user renumbers.

/** 0 → "A", 25 → "Z", 26 → "AA" (spreadsheet-style letters). */
export function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The scene a label names ("2C" → 2), or null for a label typed in another form. Exports file
 * and number a shot by its label, so a shot moved into another scene and not yet renumbered
 * is "2C" of scene 2 in every file, CSV row and timeline alike.
 */
export function sceneOfLabel(label: string): number | null {
  return parseLabel(label)?.scene ?? null;
}

/** "2C" → scene 2, letters "C"; null for a label in another form ("Intro", "3"). */
export function parseLabel(label: string): { scene: number; letters: string } | null {
  const m = /^\s*(\d+)\s*([A-Za-z]+)\s*$/.exec(label);
  return m ? { scene: Number(m[1]), letters: m[2]! } : null;
}

/** The first label `<sceneNumber><letters>` not already taken in the project. */
export function nextShotLabel(sceneNumber: number, taken: Iterable<string>): string {
  return labelSource(sceneNumber, new Set(taken))();
}

/**
 * Free labels of one scene in turn, each added to `taken` as it is given. The search goes on from
 * where the last one stopped (labels are only ever added), so labelling a whole scene is linear.
 */
export function labelSource(sceneNumber: number, taken: Set<string>): () => string {
  let i = 0;
  return () => {
    for (; ; i++) {
      const label = `${sceneNumber}${letters(i)}`;
      if (!taken.has(label)) {
        taken.add(label);
        i++;
        return label;
      }
    }
  };
}

export interface RenumberInput {
  scenes: ReadonlyArray<{ id: string; position: number }>;
  shots: ReadonlyArray<{ id: string; sceneId: string; position: number }>;
}

/** Scene numbers 1..n by position; shots lettered A.. by position within each scene. */
export function renumber(input: RenumberInput): { scenes: Map<string, number>; shots: Map<string, string> } {
  const scenes = new Map<string, number>();
  [...input.scenes].sort((a, b) => a.position - b.position).forEach((s, i) => scenes.set(s.id, i + 1));
  const shots = new Map<string, string>();
  const byScene = new Map<string, Array<{ id: string; position: number }>>();
  for (const shot of input.shots) {
    const list = byScene.get(shot.sceneId) ?? [];
    list.push(shot);
    byScene.set(shot.sceneId, list);
  }
  for (const [sceneId, list] of byScene) {
    const number = scenes.get(sceneId);
    if (number === undefined) continue;
    list.sort((a, b) => a.position - b.position).forEach((s, i) => shots.set(s.id, `${number}${letters(i)}`));
  }
  return { scenes, shots };
}
