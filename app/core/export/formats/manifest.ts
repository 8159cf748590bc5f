// manifest.json: what the folder holds, checkable later (sha256 per file), and the story of every
// shot's takes. Provenance (provider, model, prompt, seed, cost …) is the caller's, kept as given.
import type { ClipMedia, ExportCut } from '../../../../shared/domain/cut';
import { framesToTimecode } from '../../../../shared/domain/timecode';

export interface ManifestFile {
  /** Relative to the export folder, with "/" separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManifestInput {
  cut: ExportCut;
  files: ManifestFile[];
  /** By shot id: whatever the takes' provenance is, serialisable as JSON. */
  provenance: Readonly<Record<string, unknown>>;
  createdAt: Date;
}

export const MANIFEST_FORMAT = 'shotline-resolve-export';

const where = (media: ClipMedia) => `${media.folder}/${media.fileName}`;

export function writeManifest(input: ManifestInput): string {
  const { cut } = input;
  const manifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    title: cut.title,
    createdAt: input.createdAt.toISOString(),
    timeline: { fps: cut.fps, width: cut.width, height: cut.height, start: framesToTimecode(cut.startTimecodeFrames) },
    files: [...input.files].sort((a, b) => a.path.localeCompare(b.path)),
    shots: cut.clips.map((clip) => ({
      shotId: clip.shotId,
      label: clip.label,
      scene: clip.sceneNumber,
      position: clip.index,
      record: { in: framesToTimecode(clip.recordInFrames), out: framesToTimecode(clip.recordOutFrames), frames: clip.recordOutFrames - clip.recordInFrames },
      selected: {
        take: clip.take,
        placeholder: clip.take === null,
        file: where(clip.media),
        tool: clip.tool,
        tier: clip.tier,
        sourceTimecode: framesToTimecode(clip.media.startTimecodeFrames),
        sourceInFrames: clip.sourceInFrames,
        sourceOutFrames: clip.sourceOutFrames,
        mediaFrames: clip.media.durationFrames,
      },
      alternates: clip.alternates.map((a) => ({
        take: a.take,
        tool: a.tool,
        file: where(a.media),
        sourceTimecode: framesToTimecode(a.media.startTimecodeFrames),
        mediaFrames: a.media.durationFrames,
      })),
      prompt: clip.prompt,
      provenance: input.provenance[clip.shotId] ?? null,
    })),
    references: cut.references.map((r) => `References/${r.fileName}`),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
