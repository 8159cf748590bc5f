import { timecodeToFrames } from '../../shared/domain/timecode';
import { artifact, expect, test } from '../fixtures/app';
import { buildCutProject, player } from '../pages/takes';
import { workspace } from '../pages/workspace';

// Four local-animatic shots (2 s, 1.5 s, 2 s, 1 s) with two takes each, made by the real engine.
// Record ins: 1A 01:00:00:00, 1B 01:00:02:00, 1C 01:00:03:12, 1D 01:00:05:12; last frame 01:00:06:11.
const STARTS: Record<string, string> = { '1A': '01:00:00:00', '1B': '01:00:02:00', '1C': '01:00:03:12', '1D': '01:00:05:12' };

test('takes: circle, rate, reject; the cut plays across three shot boundaries (screenshots)', async ({ app, workdir }) => {
  test.setTimeout(180_000);
  const folder = await buildCutProject(workdir);
  const ws = workspace(app);
  const p = player(app);
  await p.open(folder);
  await expect(ws.timeline.getByRole('option')).toHaveCount(4);
  await expect(ws.card('1B').getByRole('img', { name: /2 takes/ })).toBeVisible();

  // The take browser: circle take 2 of 1B, rate it, note it.
  await ws.card('1B').click();
  await expect(p.tiles).toHaveCount(2);
  await p.take(2).click();
  const detail = p.takes.getByRole('group', { name: 'Take 2' });
  await detail.getByRole('button', { name: 'Circle for the cut' }).click();
  await expect(detail.getByRole('button', { name: 'Circled' })).toHaveAttribute('aria-pressed', 'true');
  await expect(p.take(2)).toHaveAccessibleName(/Take 2, circled/);
  await expect(ws.card('1B').getByRole('img', { name: /take 2 circled/ })).toBeVisible();
  await detail.getByRole('radiogroup', { name: 'Visual fidelity' }).getByRole('radio', { name: '4 of 5' }).check();
  await detail.getByRole('radiogroup', { name: 'Prompt adherence' }).getByRole('radio', { name: '5 of 5' }).check();
  await detail.getByRole('textbox', { name: 'Review notes' }).fill('Clean push, keep');
  await detail.getByRole('textbox', { name: 'Review notes' }).blur();
  await expect(detail.getByRole('radiogroup', { name: 'Visual fidelity' }).getByRole('radio', { name: '4 of 5' })).toBeChecked();
  await expect(detail.getByRole('group', { name: 'Provenance' })).toContainText('Local animatic');
  await expect(detail.getByRole('list', { name: 'Technical check results' })).toContainText('Frame rate');
  await app.screenshot({ path: artifact('take-browser.png') });

  // Reject take 1 of 1C: hidden until "Show rejected".
  await ws.card('1C').click();
  await p.take(1).click();
  await p.takes.getByRole('group', { name: 'Take 1' }).getByRole('button', { name: 'Reject' }).click();
  await expect(p.tiles).toHaveCount(1);
  await p.takes.getByRole('checkbox', { name: /Show rejected/ }).check();
  await expect(p.tiles).toHaveCount(2);
  await expect(p.take(1)).toHaveAccessibleName(/Take 1, rejected/);

  // Clicking a shot puts the playhead on its first frame.
  await ws.card('1C').click();
  await expect(p.timecode).toHaveText(STARTS['1C']!);
  await ws.card('1A').click();
  await expect(p.timecode).toHaveText(STARTS['1A']!);
  await expect(p.shot).toContainText('1A');

  // Play from the top to the end: the timecode runs and the highlighted shot follows it.
  await p.startRecording();
  await p.play.click();
  await expect(p.pause).toBeVisible();
  await expect(p.shot).toContainText('1B');
  await expect(ws.card('1B')).toHaveAttribute('aria-selected', 'true');
  await expect(p.shot).toContainText('1C');
  await expect(ws.card('1C')).toHaveAttribute('aria-selected', 'true');
  await expect(p.shot).toContainText('1D');
  await expect(ws.card('1D')).toHaveAttribute('aria-selected', 'true');
  await expect(p.play).toBeVisible({ timeout: 10_000 });
  await expect(p.timecode).toHaveText('01:00:06:11');

  const log = await p.recording();
  const frames = log.map((e) => timecodeToFrames(e.tc)!);
  // The timecode only moves forward while playing, and every shot appears where it starts.
  for (let i = 1; i < frames.length; i++) expect(frames[i]).toBeGreaterThanOrEqual(frames[i - 1]!);
  for (const [label, start] of Object.entries(STARTS)) {
    const first = log.find((e) => e.shot === label);
    if (label === '1A') continue;
    expect(first, `the player showed ${label}`).toBeTruthy();
    expect(Math.abs(timecodeToFrames(first!.tc)! - timecodeToFrames(start)!), `${label} began at ${first!.tc}`).toBeLessThanOrEqual(1);
    expect(
      log.some((e) => e.shot === label && e.cards.includes(label)),
      `${label} highlighted on the timeline while it played`,
    ).toBe(true);
  }
  await app.screenshot({ path: artifact('player.png') });

  // Keys: frame steps, shot to shot, loop marks.
  await p.scrub.focus();
  await app.keyboard.press('ArrowLeft');
  await expect(p.timecode).toHaveText('01:00:06:10');
  await app.keyboard.press('ArrowUp');
  await expect(p.timecode).toHaveText(STARTS['1D']!);
  await app.keyboard.press('ArrowUp');
  await expect(p.timecode).toHaveText(STARTS['1C']!);
  await expect(ws.card('1C')).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('i');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowLeft');
  await app.keyboard.press('o');
  await expect(p.region.getByTestId('loop-range')).toHaveText(/01:00:03:12.01:00:05:11/);
  await app.keyboard.press('Alt+x');
  await expect(p.region.getByTestId('loop-range')).toHaveCount(0);

  // Duration reconciliation: 1A's 2 s take in a 1.5 s slot is flagged on the card and in the
  // player, and trimmed from an in point chosen on the strip.
  await ws.card('1A').click();
  const duration = ws.inspector.getByRole('textbox', { name: 'Duration', exact: true });
  await duration.fill('1.5');
  await duration.press('Enter');
  await expect(ws.card('1A').getByTestId('fit-badge')).toContainText('+0.5s');
  await p.takes.getByRole('radio', { name: 'Trim' }).check();
  const window = p.takes.getByRole('slider', { name: 'Trim in point' });
  await window.focus();
  await app.keyboard.press('End');
  await window.blur();
  await expect(window).toHaveAttribute('aria-valuenow', '12');
  await expect(p.region.getByTestId('fit-badge')).toHaveAttribute('aria-label', /Trimmed/);
  await expect(p.timecode).toHaveText(STARTS['1A']!);
});
