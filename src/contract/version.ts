import { readFileSync } from 'node:fs';

/** The package version: the CLI's --version and the OpenAPI description's. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
