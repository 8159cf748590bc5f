import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { useTmpDir } from '../testing/tmp.testkit';
import { mediaPathProblem, projectMediaPath } from './projectPath';

describe('projectMediaPath', () => {
  const tmp = useTmpDir();
  const setup = () => {
    const root = tmp();
    const project = path.join(root, 'Film.shotline');
    fs.mkdirSync(path.join(project, 'media', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(project, 'media', 'ab', 'ok.png'), 'image');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
    return { root, project };
  };

  it('gives the real path of a file below media/, and of one not written yet', () => {
    const { project } = setup();
    expect(projectMediaPath(project, 'media/ab/ok.png', 'Shot 1A')).toBe(fs.realpathSync(path.join(project, 'media', 'ab', 'ok.png')));
    expect(projectMediaPath(project, 'media/cd/new.png', 'Shot 1A')).toBe(path.join(fs.realpathSync(path.join(project, 'media')), 'cd', 'new.png'));
  });

  it('refuses a stored path that climbs out, is absolute or uses other separators, naming the item', () => {
    const { project } = setup();
    for (const rel of [
      'media/../../secret.txt',
      '/etc/hostname',
      'media\\..\\..\\secret.txt',
      'media/ab/%2e%2e/x',
      '../secret.txt',
      'media',
      'other/ab/x.png',
      'media/.tmp/x',
    ]) {
      expect(mediaPathProblem(rel), rel).not.toBeNull();
      expect(() => projectMediaPath(project, rel, 'The library image mara.png'), rel).toThrow(/^The library image mara\.png: its file/);
    }
  });

  it('refuses a symlink, or a symlinked folder, that leads outside the media folder', () => {
    const { root, project } = setup();
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(project, 'media', 'ab', 'link.png'));
    fs.symlinkSync(root, path.join(project, 'media', '96'));
    for (const rel of ['media/ab/link.png', 'media/96/secret.txt', 'media/96/missing.png']) {
      const err = (() => {
        try {
          projectMediaPath(project, rel, 'Take 1 of 1A');
        } catch (e) {
          return e;
        }
      })();
      expect(err, rel).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(/Take 1 of 1A: .*lies outside the project's media folder/);
    }
  });

  it('accepts a symlink that stays inside the media folder', () => {
    const { project } = setup();
    fs.symlinkSync(path.join(project, 'media', 'ab', 'ok.png'), path.join(project, 'media', 'ab', 'alias.png'));
    expect(projectMediaPath(project, 'media/ab/alias.png', 'x')).toBe(fs.realpathSync(path.join(project, 'media', 'ab', 'ok.png')));
  });
});
