import { UnavailableError } from './errors.js';

/** Each kernel's module, compiled once per thread. */
const compiled = new Map<string, WebAssembly.Module>();

/**
 * An instance of one of claimtrail's WebAssembly kernels (the .wat files, compiled into base64 by
 * scripts/build-kernels.ts), its exported memory grown to at least `bytes`. A runtime without
 * WebAssembly SIMD (every Node.js claimtrail supports has it) gets an error that says so, naming
 * the kernel, not a bare CompileError.
 */
export function kernelInstance<T extends { memory: WebAssembly.Memory }>(name: string, base64: string, bytes: number): T {
  let module = compiled.get(base64);
  if (!module) {
    try {
      module = new WebAssembly.Module(Buffer.from(base64, 'base64'));
    } catch (e) {
      throw new UnavailableError(`the ${name} kernel cannot be compiled here (${(e as Error).message}): claimtrail needs WebAssembly with SIMD (Node.js 20 or later, on x86-64 or ARM64)`, { cause: e });
    }
    compiled.set(base64, module);
  }
  const exports = new WebAssembly.Instance(module).exports as unknown as T;
  const have = exports.memory.buffer.byteLength;
  if (bytes > have) exports.memory.grow(Math.ceil((bytes - have) / 65536));
  return exports;
}
