import { describe, expect, it } from 'vitest';
import { proposeFinal } from './final';

describe('what Make final proposes', () => {
  it('is the shot’s own final tool when it has one', () => {
    expect(proposeFinal({ finalTool: 'runway:gen4.5' }, { tool: 'runway:gen4_turbo', resolution: '' })).toEqual({ tool: 'runway:gen4.5' });
  });

  it('else the same model at its next dearer resolution', () => {
    expect(proposeFinal({ finalTool: null }, { tool: 'kling:kling-v2-5-turbo', resolution: '' })).toEqual({
      tool: 'kling:kling-v2-5-turbo',
      resolution: '1080p',
    });
    // Ray 2 from 540p goes one step up (720p), not to the dearest (4k).
    expect(proposeFinal({ finalTool: null }, { tool: 'luma:ray-2', resolution: '540p' })).toEqual({ tool: 'luma:ray-2', resolution: '720p' });
  });

  it('is nothing when the model has no dearer tier (same price at 1080p is no step up)', () => {
    expect(proposeFinal({ finalTool: null }, { tool: 'runway:veo3.1', resolution: '720p' })).toBeNull();
    expect(proposeFinal({ finalTool: null }, { tool: 'local:animatic', resolution: '' })).toBeNull();
  });
});
