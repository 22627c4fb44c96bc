import { Analysis } from './analysis.js';

/**
 * schema/analysis.schema.json: the Analysis schema as a standalone JSON Schema document, written
 * by `npm run build:schema` and checked against the contract by test/contract.
 */
export function analysisSchemaDocument(): Record<string, unknown> {
  const { $id: _id, description: _description, ...schema } = Analysis as unknown as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'claimtrail/analysis.schema.json',
    title: 'Analysis of one article',
    description:
      'What `claimtrail analyze ARTICLE --json` prints for one article (one JSON object per line when several articles are analysed) and GET /api/articles/:id answers. ' +
      'Offsets are UTF-16 code-unit offsets into article.text, end exclusive, so that text.slice(start, end) === span.text. ' +
      'Generated from src/contract by npm run build:schema. The project may add fields; it may not drop or rename these.',
    ...schema,
  };
}

/** A generated document as committed: two-space JSON with a final newline. */
export function documentText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
