// A refused save shown where the person looks: next to the field the server names in its
// `field` extension ("input.slug", "key"), else above the form's buttons.
import { CombinedGraphQLErrors } from '@apollo/client';
import { errorMessage } from '../../../session/errors.ts';
import { serverMessageFor } from '../credentials/credential-kinds.ts';
import { placeOfServerField, type Errors } from './endpoint-form.ts';

export function placeError<K extends string>(
  error: unknown,
  labels: Record<K, string>,
): { errors: Errors<K>; formError: string | null } {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const place = placeOfServerField(first?.extensions?.field);
  if (first && place && place.operation === undefined && place.field in labels) {
    const key = place.field as K;
    return {
      errors: { [key]: serverMessageFor(first.message, first.extensions?.field, labels[key]) } as Errors<K>,
      formError: null,
    };
  }
  return { errors: {}, formError: errorMessage(error) };
}
