import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { makeAnalysis } from '../fixtures/articles.js';

describe('actors and outlets', () => {
  it('keeps outlets and platforms out of the actors most spoken of, and lists them apart', async () => {
    const store = await SqliteStore.open(':memory:');
    const text = 'Grain corridor stays open\n\nThe Harbour Gazette reported, citing Ukraine and Ukraine again, that the corridor stays open. Ukraine said so on Telegram.';
    await store.articles.save(
      makeAnalysis({ title: 'Grain corridor stays open', published: '2025-03-02', source: 'Harbour Gazette', ref: 'outlets' }, text, [
        { id: 'Q212', name: 'Ukraine', type: 'GPE', forms: ['Ukraine'] },
        { id: 'org.harbour-gazette', name: 'Harbour Gazette', type: 'ORG', forms: ['Harbour Gazette'] },
        { id: 'org.telegram', name: 'Telegram', type: 'ORG', forms: ['Telegram'] },
      ], []),
    );
    // The outlet is known as the article's source; the platform by its gazetteer subtype.
    await store.db.updateTable('entities').set({ subtype: 'platform' }).where('id', '=', 'org.telegram').execute();
    const names = async (role?: 'actors' | 'outlets') => (await store.corpus.listEntities({ role })).items.map((e) => e.name);
    expect(await names()).toEqual(['Ukraine', 'Harbour Gazette', 'Telegram']);
    expect(await names('actors')).toEqual(['Ukraine']);
    expect(await names('outlets')).toEqual(['Harbour Gazette', 'Telegram']);
    await store.close();
  });
});
