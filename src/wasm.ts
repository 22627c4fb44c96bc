/**
 * An instance of one of claimtrail's WebAssembly kernels (the .wat files, compiled into base64 by
 * scripts/build-kernels.ts), its exported memory grown to at least `bytes`. Each module is
 * compiled once per thread.
 */
const compiled = new Map<string, WebAssembly.Module>();

export function kernelInstance<T extends { memory: WebAssembly.Memory }>(base64: string, bytes: number): T {
  let module = compiled.get(base64);
  if (!module) compiled.set(base64, (module = new WebAssembly.Module(Buffer.from(base64, 'base64'))));
  const exports = new WebAssembly.Instance(module).exports as unknown as T;
  const have = exports.memory.buffer.byteLength;
  if (bytes > have) exports.memory.grow(Math.ceil((bytes - have) / 65536));
  return exports;
}
