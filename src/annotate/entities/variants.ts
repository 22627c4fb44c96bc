/**
 * Spelling variants of personal names romanised from Cyrillic (and similar scripts), where news
 * outlets follow different systems: Zelenskyy / Zelensky / Zelenskiy, Sergei / Sergey, Dmitri /
 * Dmitry, Yuriy / Yuri, Aleksandr / Alexander, and Ukrainian and Russian forms of one given name
 * (Oleksandr / Aleksandr, Mykhailo / Mikhail). `spellingKey` folds a word to one key per variant
 * class, for comparing names; `spellingVariants` lists the spellings of a word, for the gazetteer
 * to index a person under each.
 */

/** Forms of one given name across Ukrainian, Russian, Belarusian and English romanisations; the first is the key. */
const GIVEN_NAMES: readonly (readonly string[])[] = [
  ['alexander', 'oleksandr', 'aleksandr', 'alexandr', 'oleksander', 'aleksander', 'aliaksandr', 'alyaksandr', 'olexander'],
  ['alexei', 'oleksiy', 'oleksii', 'alexey', 'aleksei', 'aleksey', 'alyaksei'],
  ['andrei', 'andriy', 'andrii', 'andrey', 'andrej'],
  ['anatoly', 'anatoliy', 'anatolii', 'anatoli'],
  ['dmitry', 'dmytro', 'dmitri', 'dmitriy', 'dmitrii', 'dzmitry'],
  ['gennady', 'hennadiy', 'hennadii', 'gennadiy', 'gennadi'],
  ['igor', 'ihor'],
  ['kirill', 'kyrylo'],
  ['maxim', 'maksym', 'maksim'],
  ['mikhail', 'mykhailo', 'mykhaylo', 'mihail', 'mikhael'],
  ['nikolai', 'mykola', 'nikolay', 'mikalai'],
  ['oleg', 'oleh', 'aleh'],
  ['pyotr', 'petro', 'petr', 'piotr'],
  ['sergei', 'serhiy', 'serhii', 'sergey', 'sergiy', 'siarhei', 'serhei'],
  ['vasily', 'vasyl', 'vasiliy', 'vasili', 'vasilii'],
  ['valery', 'valeriy', 'valerii', 'valeri'],
  ['viktor', 'victor'],
  ['vladimir', 'volodymyr', 'uladzimir'],
  ['yevgeny', 'yevhen', 'evgeny', 'yevgeniy', 'evgeniy', 'yevgenii', 'evgenii'],
  ['yuri', 'yuriy', 'yurii', 'yury', 'iurii'],
];
const GIVEN = new Map<string, readonly string[]>();
for (const forms of GIVEN_NAMES) for (const f of forms) GIVEN.set(f, forms);

/** Word endings that spell one sound in several systems, longest first within each class. */
const ENDINGS: readonly (readonly string[])[] = [
  ['skyy', 'skyi', 'skiy', 'skii', 'sky', 'ski'],
  ['ey', 'ei'],
  ['ay', 'ai'],
  ['iy', 'yy', 'yi', 'ii', 'y', 'i'],
];
const VOWEL = /[aeiouy]/;

/** The ending class of a lower-case word and the stem before it; the vowel-only endings need a consonant before them. */
function ending(w: string): { stem: string; forms: readonly string[] } | null {
  if (w.length < 5) return null;
  for (const forms of ENDINGS) {
    for (const e of forms) {
      if (!w.endsWith(e)) continue;
      const stem = w.slice(0, -e.length);
      if (forms !== ENDINGS[0] && VOWEL.test(stem[stem.length - 1] ?? 'a')) continue;
      return { stem, forms };
    }
  }
  return null;
}

/** Lower case without diacritics: "Zelenskyy" → "zelenskyy", "Erdoğan" → "erdogan". */
function plain(word: string): string {
  const w = word.toLowerCase();
  return /[^\x00-\x7f]/.test(w) ? w.normalize('NFKD').replace(/\p{M}/gu, '') : w;
}

/** Keys computed so far: the same names come back in every article. */
const keyCache = new Map<string, string>();

/** One key for all spellings of a word: "Zelenskiy", "Zelensky" → "zelensky"; "Sergey" → "sergei". */
export function spellingKey(word: string): string {
  let k = keyCache.get(word);
  if (k === undefined) {
    if (keyCache.size >= 100_000) keyCache.clear();
    k = computeKey(word);
    keyCache.set(word, k);
  }
  return k;
}

function computeKey(word: string): string {
  const w = plain(word).replace(/\.$/, '');
  const given = GIVEN.get(w);
  if (given) return given[0]!;
  let k = w.replace(/x/g, 'ks').replace(/^ye/, 'e').replace(/ander$/, 'andr');
  const end = ending(k);
  if (end) k = end.stem + end.forms[end.forms === ENDINGS[0] ? 4 : 0];
  return k;
}

const MAX_PER_WORD = 8;

/** Other spellings of a capitalised word ("Zelenskyy" → "Zelensky", "Zelenskiy" …), the word itself first. */
export function spellingVariants(word: string): string[] {
  const w = plain(word);
  const cap = (s: string) => (word[0] === word[0]!.toLowerCase() ? s : s[0]!.toUpperCase() + s.slice(1));
  const out = new Set<string>([word]);
  const given = GIVEN.get(w);
  if (given) for (const f of given) out.add(cap(f));
  else {
    const stems = new Set<string>([w]);
    if (w.includes('x')) stems.add(w.replace(/x/g, 'ks'));
    else if (/[^t]ks/.test(w)) stems.add(w.replace(/([^t])ks/g, '$1x'));
    if (/^ye/.test(w)) stems.add(w.slice(1));
    if (/andr$/.test(w)) stems.add(`${w.slice(0, -1)}er`);
    for (const s of stems) {
      const end = ending(s);
      if (!end) out.add(cap(s));
      else for (const e of end.forms) out.add(cap(end.stem + e));
    }
  }
  return [...out].slice(0, MAX_PER_WORD);
}
