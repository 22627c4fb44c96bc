/**
 * Institutions every country has, named from the country ("Ukraine's General Staff", "South
 * Korean intelligence"). The gazetteer gives the one entry of a country that is such an
 * institution these heads as local names, so that a description and the body's own name are one
 * entity ("South Korean intelligence" = National Intelligence Service); for countries without
 * an entry resolve/institutions.ts builds a name ("General Staff of the Armed Forces of Poland").
 * The language lists them (INSTITUTIONS of src/lang/en/entities.ts).
 */
export interface Institution {
  /** Lower-case words that name it after its country. */
  heads: readonly string[];
  /** The name built for a country without an entry of its own. */
  name: (country: string, demonym: string) => string;
  subtype: string;
  /** Whether a lower-case head names it ("Japanese intelligence said"). */
  lower: boolean;
  /** Whether "the" and its head alone name it, of the one country the article named before ("Peru said … The defence ministry said"). */
  definite: boolean;
  /** Whether a gazetteer entry of this subtype, with these names, is this institution of its country. */
  member: ((names: string) => boolean) | null;
}
