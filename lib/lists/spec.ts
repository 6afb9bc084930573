// What a list accepts (its filters and sorts) and the words of its page:
// the types of the list specs that each record type's definition holds
// (lib/records/<type>/definition.ts) and that lib/lists/params.ts parses
// URLs by. Types only.
export type SortDir = "asc" | "desc";

export type EnumObject = Readonly<Record<string, string>>;

export type ListSpec = {
  path: string;
  /** What one row is, for messages ("concern status"). */
  noun: string;
  /** Enum filters: URL parameter → the enum's values. */
  enums: Readonly<Record<string, EnumObject>>;
  search: boolean;
  country: boolean;
  region: boolean;
  dates: boolean;
  verification: boolean;
  /** Soft-deleted records can be listed (deleted=yes, editors only). */
  deletable: boolean;
  /**
   * Filters by a linked record, by its id (weaponSystem=12: the transfers of
   * weapon system 12): URL parameter → what the id names, for messages. The
   * record pages link to these for the whole of a related list they show
   * only the first rows of (lib/db/records/related.ts).
   */
  links: Readonly<Record<string, string>>;
  /**
   * Filters by a country on one side (supplier=RU: the transfers Russia
   * supplied), where `country` means either side: URL parameter → the side,
   * for messages. A country page links to these for each of its sections.
   */
  sides: Readonly<Record<string, string>>;
  /** Sort keys, each with the direction a first click on its column gives. */
  sorts: Readonly<Record<string, SortDir>>;
  defaultSort: string;
};

/** The words of a record list's page: its heading, and the label of each filter the spec allows. */
export type ListPageText = {
  title: string;
  intro: string;
  /** The rows' name in the plural ("diplomatic requests"). */
  plural: string;
  search: { label: string; hint: string };
  /** The country filter's label, when the list has one. */
  country?: string;
  /** One per enum filter of the spec: its label, its "any" choice, its values' labels, and combined choices. */
  enums: Readonly<Record<string, { label: string; any: string; labels: Readonly<Record<string, string>>; combined?: readonly { value: string; label: string }[] }>>;
  /** What the date range filters ("Opened" from / to), when the list has one. */
  dates?: string;
  /** The link to the CSV import of this list's type, for those who may create records. */
  importLink?: string;
};

/**
 * A record type's list (its definition's `list`): the spec without path and
 * noun, which come from the type, and the words of its page.
 */
export type RecordListSpec = Omit<ListSpec, "path" | "noun"> & { page: ListPageText };
