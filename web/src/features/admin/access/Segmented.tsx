// A radio group drawn as a segmented control. Native radios underneath: arrow keys move and
// choose, and the fieldset's legend names the group for screen readers.
import { useId } from 'react';

interface SegmentOption<V extends string> {
  value: V;
  label: string;
}

interface RadiosProps<V extends string> {
  options: readonly SegmentOption<V>[];
  value: V | null;
  onChange(value: V): void;
}

/** The radios alone, for a fieldset that has more in it than the choice (see RoleAccessEditor). */
export function SegmentRadios<V extends string>({ options, value, onChange }: RadiosProps<V>) {
  const name = useId();
  return (
    <div className="segmented">
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <span key={option.value} className={`segment segment-${option.value.toLowerCase()}`}>
            <input
              type="radio"
              id={id}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={id}>{option.label}</label>
          </span>
        );
      })}
    </div>
  );
}

export function Segmented<V extends string>({ legend, ...radios }: RadiosProps<V> & { legend: string }) {
  return (
    <fieldset className="segmented-field">
      <legend>{legend}</legend>
      <SegmentRadios {...radios} />
    </fieldset>
  );
}
