import { SearchIcon } from './icons';

interface Props {
  id: string;
  /** The field's name for screen readers ("Search wins"); the placeholder says what it matches. */
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}

/** A list's search field: icon, hidden label, and a keyboard that neither capitalises nor says "Go". */
export function SearchBox({ id, label, placeholder, value, onChange }: Props) {
  return (
    <div className="search">
      <SearchIcon className="search-icon" width={20} height={20} />
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className="input search-input"
        type="search"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoCapitalize="none"
        enterKeyHint="search"
      />
    </div>
  );
}
