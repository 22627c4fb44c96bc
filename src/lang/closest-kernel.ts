import { kernelInstance } from '../wasm.js';
import { CLOSEST_WASM } from './closest-wasm.js';

/** Bytes per word vector in the kernel's memory: 100 components zero-padded to seven 16-byte lanes. */
export const STRIDE = 112;
/** What `closest` answers when the word itself is among the rows. */
export const SELF = 0x7fffffff;

/** The kernel of closest.wat over its own memory: word vectors from offset 0, STRIDE bytes apart. */
export interface ClosestKernel {
  memory: WebAssembly.Memory;
  /** The largest dot product of row `i` with the `count` rows whose int32 indices start at byte `rows`; SELF when row i is one of them. */
  closest(i: number, rows: number, count: number): number;
}

/** A new instance of the kernel, its memory at least `bytes`. */
export function closestKernel(bytes: number): ClosestKernel {
  return kernelInstance<ClosestKernel>('nearest-word', CLOSEST_WASM, bytes);
}
