import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernel, KERNELS } from '../scripts/build-kernels.js';
import { UnavailableError } from '../src/errors.js';
import { kernelInstance } from '../src/wasm.js';

describe('WebAssembly kernels', () => {
  it.each(KERNELS)('ships the module $source compiles to', async (kernel) => {
    const generated = readFileSync(new URL(`../${kernel.out}`, import.meta.url), 'utf8');
    expect(generated).toContain(`export const ${kernel.name} = '${Buffer.from(await compileKernel(kernel.source)).toString('base64')}';`);
  });

  it('says which kernel a runtime cannot compile, and why', () => {
    // A module no runtime can compile (a section that does not exist) stands for a runtime without SIMD.
    const broken = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0xff]).toString('base64');
    expect(() => kernelInstance('test', broken, 0)).toThrow(UnavailableError);
    expect(() => kernelInstance('test', broken, 0)).toThrow(/the test kernel cannot be compiled here \(.+\): claimtrail needs WebAssembly with SIMD/);
  });
});
