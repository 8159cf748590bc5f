// First guesses for a dropped file, which the user corrects in the item's details: what kind of
// item it is, and a tag that reads like its subject ("Maya_sheet_02.jpg" is @maya, since nobody
// writes "@maya_sheet_02 walks in"). Names are matched word by word, so "propeller" is no prop.
import type { LibraryKind } from '../../../shared/domain/library';
import { suggestTag } from '../../../shared/domain/tags';

/** Words in folder and file names that say what a reference shows, as artists name their exports. */
const KIND_WORDS: Record<LibraryKind, readonly string[]> = {
  character: ['character', 'characters', 'char', 'chars', 'cast'],
  location: [
    'location',
    'locations',
    'loc',
    'locs',
    'bg',
    'bgs',
    'background',
    'backgrounds',
    'set',
    'sets',
    'interior',
    'interiors',
    'exterior',
    'exteriors',
    'int',
    'ext',
    'environment',
    'env',
  ],
  prop: ['prop', 'props', 'object', 'objects'],
  style: ['style', 'styles', 'look', 'looks', 'lookbook', 'mood', 'moodboard'],
};

const KIND_OF = new Map(Object.entries(KIND_WORDS).flatMap(([kind, words]) => words.map((w) => [w, kind as LibraryKind])));

/** Words that describe the file rather than its subject. */
const NOISE = new Set(['ref', 'refs', 'reference', 'references', 'sheet', 'sheets', 'turnaround', 'turnarounds', 'final', 'copy', 'img', 'image', 'untitled']);

/** Lower-case words of a file or folder name, without its extension or accents. */
function words(name: string): string[] {
  return name
    .replace(/\.[A-Za-z][A-Za-z0-9]{0,4}$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** "sheet02" and "bg2" are still the words sheet and bg. */
const bare = (word: string) => word.replace(/\d+$/, '');

function kindIn(name: string): LibraryKind | undefined {
  for (const w of words(name)) {
    const kind = KIND_OF.get(bare(w));
    if (kind) return kind;
  }
  return undefined;
}

/**
 * The kind the first name to hint at one says, else character. Callers pass the folder (or
 * dropped group) before the file names, so a "Props" folder wins over what a file inside says.
 */
export function guessKind(names: readonly (string | undefined)[]): LibraryKind {
  for (const name of names) {
    const kind = name ? kindIn(name) : undefined;
    if (kind) return kind;
  }
  return 'character';
}

const isNoise = (w: string) => /^v?\d+$/.test(w) || NOISE.has(bare(w)) || KIND_OF.has(bare(w));

/**
 * A free tag for an item named after a file or folder: noise words, version and sequence
 * numbers dropped. A name that is all noise keeps its own words ("ref_01"); a stem too short
 * for a tag is completed with the kind ("a_ref.png" → a_character), since `suggestTag` would
 * put the "_ref" just dropped back.
 */
export function tagFromName(name: string, kind: LibraryKind, taken: Iterable<string> = []): string {
  const all = words(name);
  const kept = all.filter((w) => !isNoise(w));
  const letters = (s: string) => s.replace(/^[^a-z]+/, '');
  let stem = letters(kept.join('_').replace(/_?\d+$/, '')) || letters(all.join('_'));
  if (!stem) stem = kind;
  else if (stem.length < 3) stem = `${stem}_${kind}`;
  return suggestTag(stem, taken);
}
