// `npm run build:schema`: the documents generated from the contract (src/contract), committed so
// that consumers read them without running the code. test/contract fails when they drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysisSchemaDocument, documentText } from '../src/contract/documents.js';
import { openApiDocument } from '../src/server/openapi.js';

const ROOT = new URL('..', import.meta.url).pathname;
writeFileSync(join(ROOT, 'schema/analysis.schema.json'), documentText(analysisSchemaDocument()));
writeFileSync(join(ROOT, 'schema/openapi.json'), documentText(await openApiDocument()));
