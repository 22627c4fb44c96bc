import { describe, expect, it } from 'vitest';
import { contentTokens } from '../../src/lang/en/token.js';

/** What contentTokens' scan reproduces, as the regular expression it replaced. */
const TOKEN = /[\p{L}\p{N}]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[\p{L}\p{N}]+(?:[-–][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** The tokens as that regular expression finds them. */
function byRegex(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0].toLowerCase().replace(/’/g, "'"));
}

const lowers = (text: string) => contentTokens(text, 0, []).map((t) => t.lower);

describe('content tokens', () => {
  it('splits negations and possessives off and keeps hyphenated words whole', () => {
    expect(lowers("Officials didn't confirm the army’s claim of a well-known pull-back.")).toEqual([
      'officials', 'did', "n't", 'confirm', 'the', 'army', "'s", 'claim', 'of', 'a', 'well-known', 'pull-back', '.',
    ]);
  });

  it('finds what the regular expression finds, letters outside the BMP, odd spaces and lone surrogates included', () => {
    const texts = [
      "DON'T can’t n't x-don't 'n't ’s 's it's it'sx n’t_ 'sa don't_ I n't",
      'x–y a- -b –– ½ Ⅻ 3,000-strong 𝐀𝐁c 😀 a-𝐀 𝐀-b',
      'a\u00a0b\u2028c\ufeffd \ud800 \udc00x e\u3000f_g',
      'Сили оборони заявили, що не відступали; «Це неправда», — сказав він.',
      '<p class="x">He said: "We won’t go."</p> {"a":1}',
    ];
    for (const text of texts) expect(lowers(text)).toEqual(byRegex(text));
  });

  it('gives each token the entity whose mention it lies in', () => {
    const text = 'The Verdany Regional Administration denied it.';
    const tokens = contentTokens(text, 100, [{ start: 104, end: 135, entity: 'org.x' }]);
    expect(tokens.map((t) => t.entity)).toEqual([null, 'org.x', 'org.x', 'org.x', null, null, null]);
  });
});
