import { describe, expect, it, vi } from 'vitest';

const machine = vi.hoisted(() => ({ cores: 2 }));
vi.mock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), availableParallelism: () => machine.cores }));

const { defaultThreads } = await import('../../src/threads/analysis-pool.js');

describe('defaultThreads', () => {
  it('gives one process every core but its own, and at least one thread', () => {
    for (const [cores, threads] of [[1, 1], [2, 1], [8, 7]] as const) {
      machine.cores = cores;
      expect(defaultThreads(), `${cores} cores`).toBe(threads);
    }
  });

  it('shares the cores among worker processes, none for a process with no core to spare', () => {
    for (const [cores, processes, threads] of [[2, 2, 0], [2, 3, 0], [8, 2, 3], [8, 4, 1], [8, 8, 0]] as const) {
      machine.cores = cores;
      expect(defaultThreads(processes), `${processes} processes on ${cores} cores`).toBe(threads);
    }
  });
});
