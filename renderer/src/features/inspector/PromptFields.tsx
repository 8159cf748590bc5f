// The structured prompt: the parts a good video prompt names: subject, scene, camera, motion, timed beats, style and what to avoid.
import type { ShotPatch } from '../../../../shared/contract';
import { CAMERA_MOVES, type CameraMove, type PromptParts, type Shot } from '../../../../shared/domain/types';
import type { ShotIssue } from '../../../../shared/domain/validation';
import { CAMERA_LABELS } from '../../lib/labels';
import { useTypingTag } from '../refs/typingTag';
import { Field, FieldIssues, TextField } from './fields';

interface Props {
  shot: Shot;
  issues: ShotIssue[];
  update: (patch: ShotPatch) => void;
}

/**
 * The prompt's warnings, less "@ma is not in the library" while "@ma" is still being typed with the
 * completion list open. Its own component, so the typing state re-renders only these lines, never
 * the fields being typed in.
 */
function PromptIssues({ issues }: { issues: ShotIssue[] }) {
  const typing = useTypingTag((s) => s.tag)?.toLowerCase();
  const shown = typing ? issues.filter((i) => !(i.unknownTag && typing.startsWith(i.unknownTag.toLowerCase()))) : issues;
  return <FieldIssues id="inspector-prompt" issues={shown} />;
}

export function PromptFields({ shot, issues, update }: Props) {
  const p = shot.prompt;
  const set = (part: keyof PromptParts) => (text: string) => update({ prompt: { [part]: text } });
  const promptIssues = issues.filter((i) => i.field === 'prompt');
  const negativeIssues = issues.filter((i) => i.field === 'prompt.negative');
  return (
    <div className="inspector-section">
      <h3>Prompt</h3>
      <PromptIssues issues={promptIssues} />
      <TextField id="inspector-subject" label="Subject" value={p.subject} onCommit={set('subject')} placeholder="Who or what: Mara, 30s, soaked trench coat" />
      <TextField
        id="inspector-setting"
        label="Setting"
        value={p.scene}
        onCommit={set('scene')}
        placeholder="Where: a chrome diner at night, neon through rain"
        hint="The scene part of the prompt: place, time, weather"
      />
      <div className="field-pair">
        <Field id="inspector-camera" label="Camera move">
          <select id="inspector-camera" value={p.camera} onChange={(e) => update({ prompt: { camera: e.target.value as CameraMove } })}>
            {CAMERA_MOVES.map((m) => (
              <option key={m} value={m}>
                {CAMERA_LABELS[m]}
              </option>
            ))}
          </select>
        </Field>
        <TextField id="inspector-camera-text" label="Camera notes" value={p.cameraText} onCommit={set('cameraText')} placeholder="slow, low angle, 35mm" />
      </div>
      <TextField id="inspector-motion" label="Motion" value={p.motion} onCommit={set('motion')} placeholder="What moves and how fast" />
      <TextField id="inspector-style" label="Style" value={p.style} onCommit={set('style')} placeholder="Film look: 35mm, teal-orange grade, shallow focus" />
      <TextField
        id="inspector-negative"
        label="Negative prompt"
        value={p.negative}
        onCommit={set('negative')}
        placeholder="What to avoid: text, extra limbs, flicker"
        issues={negativeIssues}
      />
      <TextField
        id="inspector-beats"
        label="Temporal beats"
        multiline
        rows={3}
        value={p.beats}
        onCommit={set('beats')}
        placeholder={'One per line:\n0–2s: she stops in the doorway\n2–5s: turns to the counter'}
      />
    </div>
  );
}
