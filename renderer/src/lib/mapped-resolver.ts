import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * zodResolver over the contract's own schema, applied to the form's text converted into the
 * contract's input. The form mirrors the contract's shape, so error paths are field names.
 */
export function mappedResolver<TForm extends FieldValues, S extends z.ZodType>(schema: S, toInput: (values: TForm) => z.input<S>): Resolver<TForm, unknown, z.output<S>> {
  const inner = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<S>>;
  return ((values: TForm, context: unknown, options: never) => inner(toInput(values) as FieldValues, context, options)) as unknown as Resolver<TForm, unknown, z.output<S>>;
}
