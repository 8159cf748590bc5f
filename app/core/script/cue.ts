// A character cue as both formats write it: "MARA (V.O.) (CONT'D)" → speaker MARA, extension
// "V.O., CONT'D". The speaker is how the script names the character, the key for matching voices
// and library items; the extension says how the line is delivered.

export function splitCue(cue: string): { speaker: string; extension: string | null } {
  const extensions: string[] = [];
  let rest = cue.trim();
  for (let m = /\s*\(([^()]*)\)\s*$/.exec(rest); m; m = /\s*\(([^()]*)\)\s*$/.exec(rest)) {
    extensions.unshift(m[1]!.trim().toUpperCase());
    rest = rest.slice(0, m.index).trimEnd();
  }
  return { speaker: rest.replace(/\s+/g, ' '), extension: extensions.filter(Boolean).join(', ') || null };
}
