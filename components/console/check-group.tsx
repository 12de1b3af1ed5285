// A labelled group of checkboxes for a GET filter form (fieldset + legend).
export function CheckGroup({
  name,
  legend,
  options,
  checked,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 font-semibold">{legend}</legend>
      <ul className="flex flex-col gap-0.5">
        {options.map((o) => {
          const id = `filter-${name}-${o.value}`;
          return (
            <li key={o.value} className="flex min-h-9 items-center gap-2">
              <input
                type="checkbox"
                id={id}
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                className="size-5"
              />
              <label htmlFor={id}>{o.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
