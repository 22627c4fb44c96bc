import { describe, expect, it } from 'vitest';
import * as claims from '../../src/lang/en/claims.js';
import * as frames from '../../src/lang/en/frames.js';

describe("the English claims words and the frames' words they re-export", () => {
  it('share no name: a word list of claims.ts named as one of frames.ts would silently take its place', () => {
    // `export *` yields to a module's own export of the same name, and TypeScript says nothing.
    const shadowed = Object.keys(frames).filter((name) => (claims as Record<string, unknown>)[name] !== (frames as Record<string, unknown>)[name]);
    expect(shadowed).toEqual([]);
  });
});
