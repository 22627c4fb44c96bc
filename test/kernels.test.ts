import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernel, KERNELS } from '../scripts/build-kernels.js';

describe('WebAssembly kernels', () => {
  it.each(KERNELS)('ships the module $source compiles to', async (kernel) => {
    const generated = readFileSync(new URL(`../${kernel.out}`, import.meta.url), 'utf8');
    expect(generated).toContain(`export const ${kernel.name} = '${Buffer.from(await compileKernel(kernel.source)).toString('base64')}';`);
  });
});
