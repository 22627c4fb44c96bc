import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';

/** Schema-building helpers shared by the contract's modules. */

export const Nullable = <T extends TSchema>(t: T, options: { description?: string } = {}) => Type.Union([t, Type.Null()], options);

/** One of a closed list of words (enums.ts), typed as their union. */
export const OneOf = <T extends readonly string[]>(values: T, options: { description?: string } = {}) => Type.Unsafe<T[number]>({ enum: [...values], ...options });

/**
 * A reference to a schema registered under its $id (a component of the OpenAPI description),
 * typed as that schema: `{"$ref": "Claim"}` in JSON, ClaimItem in TypeScript.
 */
export function Ref<T extends TSchema>(schema: T, options: { description?: string } = {}): TUnsafe<Static<T>> {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string') throw new TypeError('a referenced schema needs an $id');
  return Type.Unsafe<Static<T>>({ $ref: id, ...options });
}

/** [latitude, longitude]: a pair, written as JSON Schema 2020-12 reads it. */
export const Coords = (options: { description?: string } = {}) => Type.Unsafe<[number, number]>(Type.Array(Type.Number(), { minItems: 2, maxItems: 2, ...options }));

/** A page of a list: `next` is the cursor of the following page, null at the end. */
export const PageOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), next: Nullable(Type.String({ description: 'cursor of the next page, null at the end' })) });

export interface Page<T> {
  items: T[];
  next: string | null;
}
