import { cpus } from 'node:os';

/** Core-seconds every core of the machine has been busy since boot: what a run used is the difference, other processes' share (a database server's) included. */
export function busySeconds(): number {
  return cpus().reduce((n, { times: t }) => n + t.user + t.nice + t.sys + t.irq, 0) / 1000;
}
