import { Type, type Static } from 'typebox';
import { ERROR_CODES } from './values.js';
import { OneOf } from './kit.js';

/** Every error answer of the API. */
export const ErrorReply = Type.Object(
  {
    error: Type.String({ description: 'the HTTP reason phrase' }),
    code: Type.Optional(OneOf(ERROR_CODES, { description: 'the kind of error (src/errors.ts); absent for errors of the HTTP layer itself' })),
    message: Type.String(),
    statusCode: Type.Integer(),
  },
  { $id: 'Error' },
);
export type ErrorReply = Static<typeof ErrorReply>;
