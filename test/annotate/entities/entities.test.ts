import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPipeline, createPipeline } from '../../../src/annotate/index.js';
import { entityId } from '../../../src/annotate/entities/index.js';
import { en } from '../../../src/lang/index.js';
import { AliasKind, Gazetteer, openGazetteer, readGazetteer, sourcesStamp } from '../../../src/annotate/entities/gazetteer.js';
import { spellingKey, spellingVariants } from '../../../src/annotate/entities/variants.js';
import type { Entity } from '../../../src/doc/types.js';
import { InputError } from '../../../src/errors.js';
import { HAS_SEED, ROOT, SEED, SEED_GOLD, tempDir, tokenized } from '../../helpers.js';

const ENTITIES = buildPipeline({ layers: ['entities'] });

function analyse(text: string): Entity[] {
  const doc = ENTITIES.process({ id: 't', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
  for (const e of doc.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  return doc.entities;
}

const entityOf = (entities: Entity[], mention: string, from = 0) =>
  entities.find((e) => e.mentions.some((m) => m.text === mention && m.start >= from));

describe('entity ids', () => {
  it('uses the Wikidata id when known and a type + name slug otherwise, URL-safe', () => {
    expect(entityId('GPE', 'North Korea', 'wikidata:Q423')).toBe('Q423');
    expect(entityId('PERSON', 'Valery Gerasimov')).toBe('person.valery-gerasimov');
    expect(entityId('ORG', 'Central Military Commission of the Workers’ Party of Korea')).toBe('org.central-military-commission-of-the-workers-party-of-korea');
    const cyrillic = entityId('PERSON', 'Валерий Герасимов');
    expect(cyrillic).toMatch(/^[a-z0-9.-]+$/);
    expect(cyrillic).not.toBe(entityId('PERSON', 'Сергей Шойгу'));
  });
});

describe('entities layer', () => {
  it('reads titles as roles and resolves possessive institutions and acronyms', () => {
    const es = analyse(
      'Russian Chief of General Staff Valery Gerasimov briefed President Vladimir Putin. Later Putin met NATO envoys, ' +
        'while Ukraine’s Security Service and Ukraine’s General Staff said nothing.',
    );
    const gerasimov = entityOf(es, 'Valery Gerasimov')!;
    expect(gerasimov.type).toBe('PERSON');
    expect(gerasimov.mentions[0]!.role).toBe('Chief of General Staff');
    const putin = entityOf(es, 'Vladimir Putin')!;
    expect(putin.kb).toBe('wikidata:Q7747');
    expect(entityOf(es, 'Putin')).toBe(putin);
    expect(putin.mentions[0]!.role).toBe('President');
    expect(entityOf(es, 'NATO')!.kb).toBe('wikidata:Q7184');
    expect(entityOf(es, 'Ukraine’s Security Service')!.name).toBe('Security Service of Ukraine');
    expect(entityOf(es, 'Ukraine’s General Staff')!.name).toBe('General Staff of the Armed Forces of Ukraine');
    expect(entityOf(es, 'Ukraine')!.kb).toBe('wikidata:Q212');
  });

  it('treats a capital as its country when it acts and as the city when it is a place', () => {
    const text = 'Officials unveiled a statue in Pyongyang on Monday. Pyongyang should stop arming Moscow, Washington said.';
    const es = analyse(text);
    const at = (word: string, from: number) => es.find((e) => e.mentions.some((m) => m.text === word && m.start === text.indexOf(word, from)))!;
    expect(at('Pyongyang', 0).id).toBe('Q18808');
    expect(at('Pyongyang', text.indexOf('Monday')).id).toBe('Q423');
    expect(at('Washington', 0).id).toBe('Q30');
  });

  it('joins short names to the full name in the article and gives demonyms the NORP label', () => {
    const text = 'Ukrainian commander Oleksiy Marchenko visited the Kursk Oblast front. Marchenko said North Korean units left Kursk.';
    const es = analyse(text);
    const person = entityOf(es, 'Oleksiy Marchenko')!;
    expect(entityOf(es, 'Marchenko')).toBe(person);
    expect(person.id).toBe('person.oleksiy-marchenko');
    const oblast = entityOf(es, 'Kursk Oblast')!;
    expect(oblast.type).toBe('LOC');
    expect(entityOf(es, 'Kursk')).toBe(oblast);
    const nk = entityOf(es, 'North Korean')!;
    expect(nk.id).toBe('Q423');
    expect(nk.mentions.find((m) => m.text === 'North Korean')!.label).toBe('NORP');
  });

  it.skipIf(!HAS_SEED)('finds every entity of the seed gold with its type and Wikidata id', () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as {
      entities: { name: string; type: string; kb?: string; aliases_in_text: string[]; optional?: boolean }[];
    };
    const es = analyse(readFileSync(SEED, 'utf8'));
    const norm = (s: string) => s.replace(/[’‘]/g, "'").toLowerCase();
    let descriptions = 0;
    for (const g of gold.entities) {
      for (const alias of g.aliases_in_text) {
        const description = alias.toLowerCase().startsWith('the ');
        const found = es.find(
          (e) => e.type === g.type && (!g.kb || e.kb === g.kb) && e.mentions.some((m) => norm(m.text).includes(norm(alias)) && (m.kind === 'description') === description),
        );
        if (!g.optional) expect(found, `${g.name} via "${alias}"`).toBeDefined();
        if (description) descriptions++;
      }
    }
    expect(descriptions).toBeGreaterThan(0);
  });
});

describe('descriptions and names in context', () => {
  it('makes "the commission" a description mention of the last organisation with that head noun', () => {
    const text =
      'North Korea said the Central Military Commission of the Workers’ Party of Korea met on Sunday. ' +
      'The commission praised the troops. Russia’s defence ministry thanked them; the ministry said the commission of inquiry was closed. ' +
      'NATO warned Pyongyang, and the alliance said the party leader had lied.';
    const es = analyse(text);
    const cmc = entityOf(es, 'Central Military Commission of the Workers’ Party of Korea')!;
    const described = cmc.mentions.filter((m) => m.kind === 'description').map((m) => m.text);
    expect(described).toEqual(['The commission']);
    const ministry = entityOf(es, 'Russia’s defence ministry')!;
    expect(ministry.name).toBe('Ministry of Defence of the Russian Federation');
    expect(ministry.mentions.filter((m) => m.kind === 'description').map((m) => m.text)).toEqual(['the ministry']);
    // The gazetteer's own nouns: NATO is "the alliance".
    expect(entityOf(es, 'the alliance')!.name).toBe('North Atlantic Treaty Organization');
    // "the party leader" is the leader, not the party; "the commission of inquiry" another body.
    expect(entityOf(es, 'the party')).toBeUndefined();
    expect(es.some((e) => e.mentions.some((m) => m.text === 'the commission'))).toBe(false);
    for (const e of es) for (const m of e.mentions) if (m.kind !== 'description') expect(m.text.toLowerCase().startsWith('the ')).toBe(false);
  });

  it('links no description when no organisation with that noun came before it', () => {
    const es = analyse('The agency said the ministry would answer later.');
    expect(es).toEqual([]);
  });

  it('makes "the city", "the town" and "the capital" the settlement named last, and "the Peruvian capital" Lima', () => {
    const text =
      'Rebels said they had seized the southern city of Tarija. The army denied that the city had fallen. ' +
      'Blasts shook the Peruvian capital overnight; officials in the capital said two people were hurt. ' +
      'Peru said the town of Vorsk was calm, and the town council met. The city of Cusco was quiet.';
    const es = analyse(text);
    const described = (name: string) => es.find((e) => e.name === name)?.mentions.filter((m) => m.kind === 'description').map((m) => m.text);
    expect(described('Tarija')).toEqual(['the city']);
    expect(described('Lima')).toEqual(['the Peruvian capital', 'the capital']);
    // The country keeps its demonym; "the town council" is a council, "The city of Cusco" a name.
    expect(entityOf(es, 'Peruvian')!.name).toBe('Peru');
    expect(es.some((e) => e.mentions.some((m) => m.text === 'the town'))).toBe(false);
    expect(described('Cusco') ?? []).toEqual([]);
    // The tagger's guess does not make a gazetteer city after "the city of" an organisation.
    expect(entityOf(es, 'Tarija')!.mentions[0]!.label).toBeUndefined();
  });

  it('makes a name no list knows a place after "near", "outside" or "in", whatever the tagger guessed from its letters', () => {
    const es = analyse('Drones hit a fuel depot outside Zolotvyn on Monday. A drone struck the ammunition depot near Uyuni. Shelling went on in Kravtsy.');
    expect(['Zolotvyn', 'Uyuni', 'Kravtsy'].map((n) => entityOf(es, n)?.type)).toEqual(['LOC', 'LOC', 'LOC']);
  });

  it('makes "the town" the place no list knows that the article introduced as a town', () => {
    const es = analyse('Shelling killed three people in the border town of Kravtsy on Tuesday. Troops shelled the town again on Wednesday.');
    expect(entityOf(es, 'Kravtsy')!.mentions.map((m) => m.text)).toEqual(['Kravtsy', 'the town']);
  });

  it('takes no country for "the city" and no city for "the capital"', () => {
    const es = analyse('Peru said troops entered Tarija. Fighting went on in the capital and the city.');
    expect(es.find((e) => e.name === 'Peru')!.mentions.every((m) => m.kind !== 'description')).toBe(true);
    expect(es.find((e) => e.name === 'Tarija')!.mentions.map((m) => m.text)).toEqual(['Tarija', 'the city']);
  });

  it('resolves "the Kremlin said" to Russia and a surname shared with a town to the person', () => {
    const text = 'The Kremlin said the talks failed. Officials said Tom Jackson, the mayor, visited a school in Jackson on Monday. Later Jackson said he would vote against the bill.';
    const es = analyse(text);
    expect(entityOf(es, 'Kremlin')!.name).toBe('Russia');
    const person = entityOf(es, 'Tom Jackson')!;
    expect(entityOf(es, 'Jackson', text.indexOf('Later'))).toBe(person);
    const town = es.find((e) => e.mentions.some((m) => m.start === text.indexOf('in Jackson') + 3))!;
    expect(town.type).toBe('GPE');
  });

  it('trims headline words and dates off names and joins first names and the nearest surname', () => {
    const text =
      'Health scare: Hillary Clinton left early. KYIV, Jan 11 - Weary Hillary Clinton, said Bill Clinton, was fine. ' +
      'Clinton told reporters that Hillary had rested.';
    const es = analyse(text);
    const hillary = entityOf(es, 'Hillary Clinton')!;
    expect(hillary.kb).toBe('wikidata:Q6294');
    expect(es.some((e) => e.mentions.some((m) => m.text.includes('Jan 11')))).toBe(false);
    expect(es.some((e) => e.mentions.some((m) => m.text.startsWith('Weary') || m.text.includes(':')))).toBe(false);
    expect(entityOf(es, 'Hillary', text.indexOf('that Hillary'))).toBe(hillary);
    // "Clinton" after "Bill Clinton" is the nearest Clinton named before it.
    expect(entityOf(es, 'Clinton', text.indexOf('Clinton told'))!.name).toBe('Bill Clinton');
  });

  it('keeps the last part of a three-part name the tagger cut short, so it is not taken for another person', () => {
    const es = analyse('Kim Jong Un inspected a factory. Later, Vice Foreign Minister Kim Jong Gyu said the drills were lawful.');
    expect(entityOf(es, 'Kim Jong Gyu')).toMatchObject({ type: 'PERSON', kb: null });
    expect(entityOf(es, 'Kim Jong Un')!.mentions.map((m) => m.text)).toEqual(['Kim Jong Un']);
  });

  it('gives an unknown name one entity per article with the majority type, and local names the article country', () => {
    const text =
      'SEOUL (Harbour Wire) - The Harbour Wire said that North Korea moved troops. ' +
      'Harbour Wire reported that the Central Military Commission approved it. Americans were told of Russian-held towns.';
    const es = analyse(text);
    expect(es.filter((e) => e.name === 'Harbour Wire')).toHaveLength(1);
    expect(entityOf(es, 'Central Military Commission')!.name).toBe('Central Military Commission of the Workers\' Party of Korea');
    expect(entityOf(es, 'Americans')!.name).toBe('United States');
    const russia = entityOf(es, 'Russian-held')!;
    expect(russia.name).toBe('Russia');
    expect(russia.mentions[0]!.label).toBe('NORP');
  });
});

describe('datelines and titles', () => {
  it('types the source in a dateline as an organisation and keeps a lone title as the role', () => {
    const text = 'SEOUL, Oct 18 (Harbour Wire) - Vice Foreign Minister Kim Jong Gyu said on Friday that the report was wrong.';
    const es = analyse(text);
    expect(entityOf(es, 'Harbour Wire')!.type).toBe('ORG');
    expect(es.some((e) => e.mentions.some((m) => m.text === 'Minister'))).toBe(false);
    expect(es.find((e) => e.type === 'PERSON')!.mentions[0]!.role).toBe('Vice Foreign Minister');
  });
});

describe('gazetteer files', () => {
  it('adds a user file through createPipeline and names the file and line of a bad row', async () => {
    const dir = tempDir();
    const good = join(dir, 'mine.tsv');
    writeFileSync(good, '# my actors\nZorya Brigade\tORG\tmilitary\t-\tUA\t-\tZorya\n');
    const pipeline = await createPipeline({ layers: ['entities'], gazetteers: [good] });
    const doc = pipeline.process({ id: 'x', title: null, published: null, source: null, url: null, language: 'en', text: 'The Zorya Brigade said it held the line.', ref: null });
    const zorya = doc.entities.find((e) => e.name === 'Zorya Brigade')!;
    expect(zorya.subtype).toBe('military');
    expect(zorya.country).toBe('UA');

    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, 'Fine\tORG\nBroken\tARMY\n');
    const broken = await createPipeline({ layers: ['entities'], gazetteers: [bad] });
    let error: unknown;
    try {
      broken.process({ id: 'y', title: null, published: null, source: null, url: null, language: 'en', text: 'x', ref: null });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(`${bad}:2: unknown type "ARMY"`);
    // The next article fails the same way: the user's file is not silently dropped.
    expect(() => broken.process({ id: 'z', title: null, published: null, source: null, url: null, language: 'en', text: 'x', ref: null })).toThrowError(InputError);
  });

  it('checks case: an all-capitals alias does not match a lower-case word', () => {
    const g = new Gazetteer();
    g.load('United States\tGPE\tcountry\twikidata:Q30\tUS\t-\tUS\n', 'test');
    const doc = tokenized({ id: 'z', title: null, published: null, source: null, url: null, language: 'en', text: 'Let us see what the US does.', ref: null });
    const matches = g.scan(doc.tokens);
    expect(matches.map((m) => doc.tokens.words[m.start])).toEqual(['US']);
  });
});

describe('compiled gazetteer', () => {
  const sources = en.data.gazetteers;
  const EXAMPLES = ['2024-10-18-meridian-wire-seoul-special-forces.txt', '2024-10-29-eastbridge-times-pentagon-10000.txt', '2025-04-28-eastbridge-times-pyongyang-confirms.txt'];

  it('is up to date with the shipped TSV files (else run scripts/build-gazetteer.ts --compile-only)', () => {
    const text = readFileSync(en.data.compiledGazetteer, 'utf8');
    expect(text.slice(0, text.indexOf('\n')).split('\t')[1]).toBe(sourcesStamp(sources.map((f) => readFileSync(f))));
  });

  it('finds the same names and entries as the TSV files it was compiled from', () => {
    const compiled = openGazetteer(en.data.compiledGazetteer, sources);
    const parsed = readGazetteer(sources);
    expect(compiled.size).toBe(parsed.size);
    const doc = tokenized({ id: 'c', title: null, published: null, source: null, url: null, language: 'en', text: EXAMPLES.map((f) => readFileSync(join(ROOT, 'examples/articles/kursk', f), 'utf8')).join('\n\n'), ref: null });
    const a = compiled.scan(doc.tokens);
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(parsed.scan(doc.tokens));
    for (const m of a) for (const h of m.hits) expect(compiled.entry(h.entry)).toEqual(parsed.entry(h.entry));
  });

  it('lets a user file add to it, joining a seat of power to a place the user adds', () => {
    const dir = tempDir();
    const file = join(dir, 'seat.tsv');
    writeFileSync(file, 'Ruritania\tGPE\tcountry\t-\tRR\t-\t-\tRuritanian\t-\tStrelsau Palace\nStrelsau Palace\tFAC\t-\t-\tRR\t-\n');
    const g = openGazetteer(en.data.compiledGazetteer, sources, [file]);
    const doc = tokenized({ id: 'u', title: null, published: null, source: null, url: null, language: 'en', text: 'Strelsau Palace said the Americans were wrong.', ref: null });
    const [palace, americans] = g.scan(doc.tokens);
    const place = palace!.hits.find((h) => h.kind === AliasKind.Name)!;
    expect(g.entry(g.entry(place.entry).seatOf).name).toBe('Ruritania');
    expect(americans!.hits.map((h) => g.entry(h.entry).name)).toEqual(['United States']);
  });
});

describe('names in conflict news', () => {
  it('ends an organisation before "in" and a city, which is a place of its own', () => {
    const entities = analyse('The Institute for Flood Research in Vienna said the levees were low.');
    expect(entityOf(entities, 'Institute for Flood Research')?.type).toBe('ORG');
    expect(entityOf(entities, 'Vienna')?.type).toBe('GPE');
  });

  it('makes an organisation, not a person, of a name ending in an organisation\'s head word, and knows rights groups', () => {
    const entities = analyse('Southmark Refugee Council said 40 families fled. Norwegian Refugee Council said the camp was full.');
    expect(entityOf(entities, 'Southmark Refugee Council')?.type).toBe('ORG');
    expect(entityOf(entities, 'Norwegian Refugee Council')).toMatchObject({ type: 'ORG', subtype: 'ngo' });
  });

  it('folds romanisations of one name to one spelling key and keeps different names apart', () => {
    const same = (...ws: string[]) => expect(new Set(ws.map(spellingKey)).size).toBe(1);
    same('Zelenskyy', 'Zelensky', 'Zelenskiy', 'Zelenskyi');
    same('Sergei', 'Sergey', 'Serhiy');
    same('Dmitri', 'Dmitry', 'Dmytro');
    same('Yuri', 'Yuriy', 'Yury', 'Yurii');
    same('Aleksandr', 'Alexander', 'Oleksandr');
    same('Mykhailo', 'Mikhail');
    same('Makei', 'Makey');
    expect(spellingKey('Ivanov')).not.toBe(spellingKey('Ivanova'));
    expect(spellingKey('Petrov')).not.toBe(spellingKey('Popov'));
    expect(spellingVariants('Zelenskyy')).toEqual(expect.arrayContaining(['Zelenskyy', 'Zelensky', 'Zelenskiy']));
  });

  it('links catalogue people under any romanisation and joins spellings, surnames and initials within an article', () => {
    const text =
      'Sergey Lavrov met Aleksandr Lukashenko in Minsk. Later President Volodymyr Zelenskiy answered them. ' +
      'Analyst Dmitri Volkanov said the talks were empty; Dmitry Volkanov has said so before. ' +
      'Jane Harrowgate, a lawyer, agreed, and J. Harrowgate wrote that Zelensky was right.';
    const es = analyse(text);
    expect(entityOf(es, 'Sergey Lavrov')!.kb).toBe('wikidata:Q58217');
    expect(entityOf(es, 'Aleksandr Lukashenko')!.kb).toBe('wikidata:Q2866');
    const zelenskyy = entityOf(es, 'Volodymyr Zelenskiy')!;
    expect(zelenskyy.kb).toBe('wikidata:Q3874799');
    expect(entityOf(es, 'Zelensky')).toBe(zelenskyy);
    expect(entityOf(es, 'Dmitry Volkanov')).toBe(entityOf(es, 'Dmitri Volkanov'));
    expect(entityOf(es, 'J. Harrowgate')).toBe(entityOf(es, 'Jane Harrowgate'));
  });

  it('reads an acronym written as a word but not a word that an acronym spells', () => {
    const es = analyse('Nato allies met on Friday. Who fired first is unclear, and Isis claimed nothing.');
    expect(entityOf(es, 'Nato')!.kb).toBe('wikidata:Q7184');
    expect(entityOf(es, 'Isis')!.name).toBe('Islamic State');
    expect(entityOf(es, 'Who')).toBeUndefined();
  });

  it('makes no place of a direction word or bloc, and no organisation of a headline in capitals', () => {
    const text =
      'ENVOYS TO MEET AS TALKS STALL\n' +
      'Western officials said the West would not wait. Southern and Eastern delegations agreed, officials in the North said.';
    const es = analyse(text);
    for (const word of ['Western', 'West', 'Southern', 'Eastern', 'North']) {
      const e = entityOf(es, word);
      if (e) expect(['GPE', 'LOC', 'FAC']).not.toContain(e.type);
    }
    expect(es.some((e) => e.mentions.some((m) => text.slice(0, text.indexOf('\n')).includes(m.text) && / (TO|AS) /.test(` ${m.text} `)))).toBe(false);
  });
});

describe('places and facilities with coordinates', () => {
  it('gives towns below the cities’ cut their coordinates, named as news spells them', () => {
    const es = analyse('Fighting raged in Chasiv Yar and near Huliaipole overnight, and drones flew over Varash.');
    const town = entityOf(es, 'Chasiv Yar')!;
    expect(town).toMatchObject({ type: 'GPE', subtype: 'town', country: 'UA' });
    expect(town.coords![0]).toBeCloseTo(48.59, 1);
    expect(entityOf(es, 'Huliaipole')!.coords).not.toBeNull();
    // A town after "over" is a place even where the tagger reads an organisation.
    expect(entityOf(es, 'Varash')!.mentions[0]!.label).toBeUndefined();
  });

  it('draws a nuclear power plant at its own coordinates, not at the city it is named after', () => {
    const es = analyse('Inspectors reached the Rivne nuclear power plant on Friday. Later they drove to Rivne.');
    const plant = entityOf(es, 'Rivne nuclear power plant')!;
    expect(plant).toMatchObject({ type: 'FAC', subtype: 'nuclear-plant', name: 'Rivne Nuclear Power Plant' });
    const city = entityOf(es, 'Rivne', es.indexOf(plant) + 1)!;
    expect(city.type).toBe('GPE');
    // The plant stands at Varash, some 80 km north of the city.
    expect(plant.coords![0] - city.coords![0]).toBeGreaterThan(0.5);
  });

  it('knows airports and ports under the name of their city', () => {
    const es = analyse('A drone was shot down near Boryspil airport, officials said. Warships left the port of Latakia and Tartus port.');
    expect(entityOf(es, 'Boryspil airport')).toMatchObject({ type: 'FAC', subtype: 'airport', name: 'Boryspil International Airport' });
    expect(entityOf(es, 'port of Latakia')).toMatchObject({ type: 'FAC', subtype: 'port', name: 'Port of Latakia', country: 'SY' });
    expect(entityOf(es, 'Tartus port')).toMatchObject({ type: 'FAC', subtype: 'port', name: 'Port of Tartus' });
  });
});

describe('one entity per body, no fragments, platforms and outlets', () => {
  it('makes "the defence ministry" the ministry of the one country named before it, and of none when several were', () => {
    const one = analyse('Peru said on Friday that one of its jets had crashed. The defence ministry said the pilot was rescued.');
    expect(entityOf(one, 'defence ministry')).toMatchObject({ type: 'ORG', name: 'Ministry of Defence of Peru', country: 'PE' });
    const two = analyse('Peru and Bolivia traded fire on Friday. The defence ministry said the pilot was rescued.');
    expect(entityOf(two, 'defence ministry')).toBeUndefined();
    // So is "the army's General Staff", "the country's defence ministry".
    const owned = analyse("Bolivia said the attack failed. The army's General Staff said it was over.");
    expect(entityOf(owned, "army's General Staff")).toMatchObject({ name: 'General Staff of the Armed Forces of Bolivia' });
  });

  it('names a country\'s air force, navy and general staff, and "the air force" after it as the same body', () => {
    const es = analyse("Peru's air force said its jet was not shot down. The crash had a technical cause, the air force said. The Bolivian navy said it had seized a boat.");
    expect(entityOf(es, "Peru's air force")).toMatchObject({ type: 'ORG', name: 'Air Force of Peru', subtype: 'military', country: 'PE' });
    expect(entityOf(es, 'air force')).toBe(entityOf(es, "Peru's air force"));
    expect(entityOf(es, 'Bolivian navy')).toMatchObject({ name: 'Navy of Bolivia' });
    // Wire copy writes a general staff in lower case too.
    const staff = analyse("Bolivian troops took the village, the army's general staff said. According to the general staff, the fighting was over.");
    expect(entityOf(staff, "army's general staff")).toMatchObject({ name: 'General Staff of the Armed Forces of Bolivia' });
    expect(entityOf(staff, 'general staff')).toBe(entityOf(staff, "army's general staff"));
  });

  it('joins a country’s institution named by a description to its own name, for any country with one such body', () => {
    const es = analyse('Israeli intelligence said the cell was dismantled. Mossad declined to comment. The Chinese military said drills ended, the People’s Liberation Army said.');
    expect(entityOf(es, 'Israeli intelligence')!.name).toBe('Mossad');
    expect(entityOf(es, 'Israeli intelligence')).toBe(entityOf(es, 'Mossad'));
    expect(entityOf(es, 'Chinese military')!.name).toBe("People's Liberation Army");
    // Several intelligence services of one country: the description stays a body of its own.
    const ru = analyse('Russian intelligence said the plot failed.');
    expect(entityOf(ru, 'Russian intelligence')!.name).toBe('Russian intelligence');
  });

  it('does so for the bodies a user file adds too', async () => {
    const file = join(tempDir(), 'agencies.tsv');
    writeFileSync(file, 'Lindholm Defence Intelligence Agency\tORG\tintelligence\t-\tFI\t-\tLDIA\n');
    const pipeline = await createPipeline({ layers: ['entities'], gazetteers: [file] });
    const doc = pipeline.process({ id: 'u', title: null, published: null, source: null, url: null, language: 'en', text: 'Finnish intelligence said the drone came from the east. The LDIA gave no details.', ref: null });
    const agency = doc.entities.find((e) => e.name === 'Lindholm Defence Intelligence Agency')!;
    expect(agency.mentions.map((m) => m.text)).toEqual(['Finnish intelligence', 'LDIA']);
  });

  it('makes no entity of a possessive or a bare compass word, unless one country of the article is so named', () => {
    const es = analyse('North Korea sent troops. Officials said the North’s troops moved at night.');
    expect(es.some((e) => /North’s|North's/.test(e.name))).toBe(false);
    expect(entityOf(es, 'North')!.name).toBe('North Korea');
    const none = analyse('Officials said the North’s troops moved at night.');
    expect(none.map((e) => e.name)).toEqual([]);
  });

  it('keeps messaging platforms apart from actors, and X only where the text uses it as one', () => {
    const es = analyse('The video spread on X and on Telegram on Sunday. Generation X voters stayed home.');
    expect(entityOf(es, 'Telegram')!.subtype).toBe('platform');
    const x = es.filter((e) => e.subtype === 'platform' && e.name === 'X');
    expect(x.length).toBe(1);
    expect(x[0]!.mentions.map((m) => m.text)).toEqual(['X']);
  });

  it('recognises an outlet named only in the text when the text says it is one', () => {
    const es = analyse(
      'A spokesman told Kestrel Wire that talks had stalled. The newspaper Nordic Ledger said the same, ' +
        'and state TV channel Polar One showed the convoy. Corvo Media, a Lisbon-based news agency, said nothing.',
    );
    for (const name of ['Kestrel Wire', 'Nordic Ledger', 'Polar One', 'Corvo Media']) expect(entityOf(es, name), name).toMatchObject({ type: 'ORG', subtype: 'media' });
    expect(entityOf(es, 'Lisbon-based')?.subtype ?? null).toBeNull();
    // A service or network is an outlet only when the text says it is one of news.
    const other = analyse('Valdor Guard, a security service, said it had detained two men. The Harrow Network, a smuggling network, denied it.');
    expect(other.filter((e) => e.subtype === 'media')).toEqual([]);
  });
});
