// The shot-list import format, as zod schemas. Field limits come from the app's own contract so
// a file can never hold a shot the app would refuse; every object is strict because a misspelt
// key silently dropped is a shot planned wrong.
import { z } from 'zod';
import { getModel, modelsFor } from '../../../shared/catalog';
import { contract, listPatchSchema, promptPatchSchema, shotPatchSchema } from '../../../shared/contract';
import { linesFromText } from '../../../shared/domain/dialogue';
import { CAMERA_MOVES, PROVIDERS, splitTool, type ProviderId } from '../../../shared/domain/types';
import { ANGLE_LABELS, CAMERA_ANGLES, EQUIPMENT, parseAngle, parseEquipment, parseShotSize, SHOT_SIZES, SIZE_LABELS } from '../../../shared/domain/shotList';

/** Why `tool` is not a catalog model, or null when it is. */
export function toolProblem(tool: string): string | null {
  const { provider, model } = splitTool(tool);
  if (!model) return `"${tool}" is not a tool: write provider:model, e.g. runway:gen4_turbo`;
  // Shots are made by the providers with video (or image) models; ElevenLabs speaks lines only.
  const shotProviders = PROVIDERS.filter((p) => modelsFor(p).length > 0);
  if (!(shotProviders as readonly string[]).includes(provider)) {
    return `unknown provider "${provider}" in "${tool}"; use one of ${shotProviders.join(', ')}`;
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

const list = listPatchSchema.shape;

/** A shot-list word as people write it ("close-up", "Low angle", "Handheld"), read into the app's value. */
function spoken<T extends string>(read: (text: string) => T | null, known: string) {
  return z.string().transform((text, ctx) => {
    const value = read(text);
    if (value === null) ctx.addIssue({ code: 'custom', message: `"${text}" is not one of ${known}` });
    return value ?? z.NEVER;
  });
}

const sizeWords = SHOT_SIZES.map((s) => `${s} (${SIZE_LABELS[s].toLowerCase()})`).join(', ');
const angleWords = CAMERA_ANGLES.map((a) => ANGLE_LABELS[a].toLowerCase()).join(', ');

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
    size: spoken(parseShotSize, sizeWords).optional(),
    angle: spoken(parseAngle, angleWords).optional(),
    lensMm: list.lensMm.unwrap().unwrap().optional(),
    equipment: spoken(parseEquipment, EQUIPMENT.join(', ')).optional(),
    location: list.location,
    cast: list.cast,
    setup: list.setup.unwrap().unwrap().optional(),
    custom: list.custom,
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
