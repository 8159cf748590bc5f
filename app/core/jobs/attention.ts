// The questions a job asks its user, in plain words: what happened, what it may have cost, and
// the choices. Only the user may decide to send a job that might already have been billed.
import { getProvider, toolModel } from '../../../shared/catalog';
import type { Attention, AttentionChoice } from '../../../shared/domain/jobs';
import type { ToolId } from '../../../shared/domain/types';

export const providerName = (tool: ToolId) => getProvider(toolModel(tool)?.provider ?? 'local')?.name ?? tool;
export const toolName = (tool: ToolId) => toolModel(tool)?.name ?? tool;

type Choice = Attention['choices'][number];

function switchChoice(fallback: ToolId | null, billedNote: string): Choice[] {
  if (!fallback) return [];
  return [{ choice: 'switch', label: `Switch to ${toolName(fallback)}`, detail: `Sends this take to ${toolName(fallback)} instead.${billedNote}` }];
}

/** A create that may or may not have reached the provider (timeout, 5xx, crash mid-send). */
export function uncertainCreate(tool: ToolId, cause: string, fallback: ToolId | null): Attention {
  const p = providerName(tool);
  return {
    reason:
      `${p} did not confirm this job (${cause}). It may have made the task anyway, and ${p} offers no way to look it up. ` +
      `Check your ${p} dashboard: if the task is there, mark this take as failed; if it is not, submit again.`,
    choices: [
      { choice: 'mark_failed', label: 'Mark as failed', detail: 'Sends nothing more.' },
      { choice: 'submit_again', label: 'Submit again', detail: `Sends the job once more. If the first one reached ${p}, you pay twice.` },
      ...switchChoice(fallback, ` If the first one reached ${p}, it may still bill there.`),
    ],
    fallbackTool: fallback,
  };
}

/** A task that exists but cannot be followed (provider not answering, key refused). */
export function lostTouch(tool: ToolId, cause: string, fallback: ToolId | null): Attention {
  const p = providerName(tool);
  return {
    reason: `${p} has the task but Shotline cannot follow it (${cause}). It may still finish, and it bills either way.`,
    choices: [
      { choice: 'check_again', label: 'Check again', detail: `Asks ${p} for the task again.` },
      { choice: 'mark_failed', label: 'Mark as failed', detail: 'Stops following it; anything it makes stays on the provider.' },
      ...switchChoice(fallback, ` The task on ${p} may still bill.`),
    ],
    fallbackTool: fallback,
  };
}

/** A waiting job whose provider is down; nothing has been sent, so switching costs nothing extra. */
export function providerDown(tool: ToolId, errors: number, fallback: ToolId): Attention {
  const p = providerName(tool);
  return {
    reason: `${p} is not answering (${errors} errors in a row). This take has not been sent yet, so nothing was billed.`,
    choices: [
      ...switchChoice(fallback, ' Nothing was sent to ' + p + '.'),
      { choice: 'check_again', label: `Wait for ${p}`, detail: 'Keeps it queued and tries again when it answers.' },
      { choice: 'mark_failed', label: 'Mark as failed', detail: 'Sends nothing.' },
    ],
    fallbackTool: fallback,
  };
}

export function hasChoice(a: Attention | null, c: AttentionChoice): boolean {
  return !!a?.choices.some((x) => x.choice === c);
}
