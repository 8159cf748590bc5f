// Counting words for messages, shared by the CLI, the core's undo labels and the renderer.

/** "1 shot", "3 shots". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
