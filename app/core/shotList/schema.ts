// The shot-list import format, as zod schemas. Field limits come from the app's own contract so
// a file can never hold a shot the app would refuse; every object is strict because a misspelt
// key silently dropped is a shot planned wrong.
import { z } from 'zod';
import { getModel, modelsFor } from '../../../shared/catalog';
import { contract, promptPatchSchema, shotPatchSchema } from '../../../shared/contract';
import { linesFromText } from '../../../shared/domain/dialogue';
import { CAMERA_MOVES, PROVIDERS, splitTool, type ProviderId } from '../../../shared/domain/types';

/** Why `tool` is not a catalog model, or null when it is. */
export function toolProblem(tool: string): string | null {
  const { provider, model } = splitTool(tool);
  if (!model) return `"${tool}" is not a tool: write provider:model, e.g. runway:gen4_turbo`;
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    return `unknown provider "${provider}" in "${tool}"; use one of ${PROVIDERS.join(', ')}`;
  }
  if (getModel(tool)) return null;
  const known = modelsFor(provider as ProviderId).map((m) => m.model);
  return `"${tool}" is not in the catalog; ${provider} models are ${known.join(', ')}`;
}

const tool = z.string().superRefine((value, ctx) => {
  const problem = toolProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const fields = shotPatchSchema.shape;

/** Lines as the app keeps them (speaker etc. optional), or a plain string: one line with no speaker. */
const dialogue = z
  .union([
    z.string().max(20_000).transform(linesFromText),
    z
      .array(
        z
          .object({
            speaker: z.string().trim().max(200).default(''),
            extension: z.string().trim().max(100).nullable().default(null),
            parenthetical: z.string().trim().max(500).nullable().default(null),
            text: z.string().max(20_000),
          })
          .strict(),
      )
      .max(500),
  ])
  .optional();

export const shotSchema = z
  .object({
    label: z.string().trim().max(32).optional(),
    action: fields.action,
    durationS: fields.durationS.unwrap(),
    tool,
    camera: z.enum(CAMERA_MOVES).optional(),
    dialogue,
    notes: fields.notes,
    // The camera preset sits on the shot (the issue's format), so the prompt object omits it.
    prompt: promptPatchSchema.omit({ camera: true }).optional(),
    aspectRatio: fields.aspectRatio,
    resolution: fields.resolution,
    finalTool: tool.nullable().optional(),
    tier: fields.tier,
  })
  .strict();
export type ShotInput = z.infer<typeof shotSchema>;

export const sceneSchema = z
  .object({
    name: z.string().trim().max(500).optional(),
    shots: z.array(shotSchema),
  })
  .strict();

/** title, aspectRatio and budgetUsd are exactly what the app's project settings accept. */
export const documentSchema = contract['project.update'].input.extend({ scenes: z.array(sceneSchema) });
export type ImportDocument = z.infer<typeof documentSchema>;
