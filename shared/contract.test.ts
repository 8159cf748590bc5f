import { describe, expect, it } from 'vitest';
import { isChannel, isEventName } from './contract';

describe('contract names', () => {
  it('knows every event and channel by name, and nothing inherited from Object', () => {
    for (const name of ['project.changed', 'jobs.progress', 'export.progress']) expect(isEventName(name), name).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'jobs.nope', '']) expect(isEventName(name), name).toBe(false);
    expect(isChannel('project.snapshot')).toBe(true);
    expect(isChannel('hasOwnProperty')).toBe(false);
  });
});
