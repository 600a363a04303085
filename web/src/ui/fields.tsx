// What every admin form does with its fields: a hint under each that the problem replaces (the
// input's aria-describedby points at it either way, so a screen reader hears the problem), and
// focus moved to the first field with one, so a keyboard user lands where to type next.
import type { ReactNode } from 'react';

export function FieldHint({ id, hint, error }: { id: string; hint: ReactNode; error?: string | undefined }) {
  return (
    <p id={id} className={error ? 'small field-error' : 'small muted field-hint'}>
      {error ?? hint}
    </p>
  );
}

export function focusField(container: HTMLElement | null, id: string) {
  container?.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
}

/** Field ids are `${idPrefix}-${key}`; `order` is the order the form shows them in. */
export function focusFirstError<K extends string>(
  container: HTMLElement | null,
  idPrefix: string,
  order: readonly K[],
  errors: Partial<Record<K, string>>,
) {
  const first = order.find((key) => errors[key]);
  if (first) focusField(container, `${idPrefix}-${first}`);
}
