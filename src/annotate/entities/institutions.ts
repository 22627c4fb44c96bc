/**
 * Institutions every country has, named from the country ("Ukraine's General Staff", "South
 * Korean intelligence"). The gazetteer gives the one entry of a country that is such an
 * institution these heads as local names, so that a description and the body's own name are one
 * entity ("South Korean intelligence" = National Intelligence Service); for countries without
 * an entry resolve.ts builds a name ("General Staff of the Armed Forces of Poland").
 */
export interface Institution {
  /** Lower-case words that name it after its country. */
  heads: readonly string[];
  /** The name built for a country without an entry of its own. */
  name: (country: string, demonym: string) => string;
  subtype: string;
  /** Whether a lower-case head names it ("Japanese intelligence said"). */
  lower: boolean;
  /** Whether a gazetteer entry of this subtype, with these names, is this institution of its country. */
  member: ((names: string) => boolean) | null;
}

export const INSTITUTIONS: readonly Institution[] = [
  { heads: ['general staff'], name: (c) => `General Staff of the Armed Forces of ${c}`, subtype: 'military', lower: false, member: (n) => /\bGeneral Staff\b/i.test(n) },
  {
    heads: ['defence ministry', 'defense ministry', 'ministry of defence', 'ministry of defense'],
    name: (c) => `Ministry of Defence of ${c}`,
    subtype: 'ministry',
    lower: true,
    member: (n) => /\bDefen[cs]e\b/i.test(n),
  },
  { heads: ['foreign ministry', 'ministry of foreign affairs'], name: (c) => `Ministry of Foreign Affairs of ${c}`, subtype: 'ministry', lower: true, member: (n) => /\b(Foreign|State Department|Department of State)\b/i.test(n) },
  {
    heads: ['interior ministry', 'ministry of interior', 'ministry of internal affairs'],
    name: (c) => `Ministry of Internal Affairs of ${c}`,
    subtype: 'ministry',
    lower: true,
    member: (n) => /\b(Interior|Internal Affairs|Home Office)\b/i.test(n),
  },
  { heads: ['security service'], name: (c) => `Security Service of ${c}`, subtype: 'intelligence', lower: false, member: (n) => /\bSecurity Service\b/i.test(n) },
  {
    heads: ['intelligence', 'intelligence service', 'intelligence services', 'intelligence agency', 'spy agency', 'spy service'],
    name: (_c, d) => `${d} intelligence`,
    subtype: 'intelligence',
    lower: true,
    member: () => true,
  },
  {
    heads: ['armed forces', 'military', 'army'],
    name: (c) => `Armed Forces of ${c}`,
    subtype: 'military',
    lower: true,
    member: (n) => /\b(Armed Forces|Defen[cs]e Forces|People's Army|Liberation Army)\b/i.test(n) && !/\b(General Staff|Chiefs of Staff)\b/i.test(n),
  },
  { heads: ['government', 'authorities'], name: (c) => `Government of ${c}`, subtype: 'government', lower: true, member: null },
  { heads: ['state media'], name: (_c, d) => `${d} state media`, subtype: 'media', lower: true, member: null },
];
