/** The flags a worker thread starts with: this process's, but not those of how it was started from a string (`node --input-type=module -e …`). */
export function threadExecArgv(): string[] {
  return process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
}
