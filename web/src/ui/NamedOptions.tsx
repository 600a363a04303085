/** A <select>'s choices among things with an id and a name (roles, companies, APIs): the id is the value. */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] | undefined }) {
  return items?.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}
