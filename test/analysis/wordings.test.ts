import { describe, expect, it } from 'vitest';
import { analyseTexts } from './texts.js';

// Two outlets, two sides, two wordings of who holds one town.
const CLAIMED = [
  'date 2026-11-20',
  'Army claims the town after a week of fighting',
  '',
  'The army said on Thursday that its forces had taken full control of Wad Medani after a week of heavy fighting.',
].join('\n');
const DENIED = [
  'date 2026-11-21',
  'Paramilitary command says its units still hold the town',
  '',
  'The paramilitary command denied on Friday that army forces had captured Wad Medani, saying its units continued to defend it.',
].join('\n');
const POLITICS = [
  'date 2026-11-22',
  'Campaign notes',
  '',
  'Democrats said the new weapon in their arsenal would help them regain control of the Senate.',
  '',
  'In the debate she hit him on guns and on taxes.',
].join('\n');
const SHELLED = ['date 2026-09-14', 'Market shelled', '', 'Shells hit a crowded market in Wad Medani on Saturday, the regional health ministry said.'].join('\n');
const NOT_SHELLED = ['date 2026-09-15', 'Army denies shelling', '', 'The army on Sunday denied shelling the market in Wad Medani.'].join('\n');

// A city taken, the fall denied of "the city", then the loss confirmed in another article.
const SEIZED = [
  'date 2026-06-10',
  'Army says it holds the city',
  '',
  'The army said on Wednesday that its forces had seized the southern city of Tarija after ten days of fighting.',
  '',
  'The rebel command denied that the city had fallen, saying its troops were still fighting in the northern districts.',
].join('\n');
const LOST = [
  'date 2026-06-14',
  'Rebels leave the city',
  '',
  'The rebel command said on Sunday that its fighters had withdrawn from Tarija, confirming the loss of the city four days after denying it.',
].join('\n');
const NOT_TAKEN = [
  'date 2026-06-15',
  'Drone debris',
  '',
  'Debris from a downed drone fell on a house in Tarija, officials said. They mourned the loss of life in the city after the shelling.',
].join('\n');

// A strike and its dead, said not to have happened in other words.
const STRUCK = ['date 2026-03-03', 'Strike on the town', '', 'A missile strike on a residential district of Oruro killed at least 12 civilians on Monday, the regional governor said.'].join('\n');
const NONE_KILLED = ['date 2026-03-04', 'Ministry answers', '', 'The defence ministry said on Tuesday that no civilians were killed in the strike on Oruro.'].join('\n');
const NOT_CONFINED = [
  'date 2026-03-05',
  'Opposition widens its attack',
  '',
  'The opposition said the minister’s failures in the region were not confined to the strike on Oruro, in which 12 civilians were killed.',
].join('\n');

const TOLL_HIGH = ['date 2026-09-14', 'Market shelled', '', 'At least 45 people were killed when shells hit a crowded market in Wad Medani on Saturday, the regional health ministry said.'].join('\n');
const TOLL_LOW = ['date 2026-09-15', 'Army disputes toll', '', 'The army said on Sunday that 12 people were killed in the market in Wad Medani, far fewer than regional officials had reported.'].join('\n');

describe('one war event in two wordings', () => {
  it('sets two counts of the dead in one town against each other, though neither names who killed them', async () => {
    const { store } = await analyseTexts({ 'high.txt': TOLL_HIGH, 'low.txt': TOLL_LOW });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.kind).toBe('number');
    expect(x?.sides.map((s) => s.value)).toEqual([45, 12]);
    await store.close();
  });

  it('takes a count the text calls earlier for one superseded, not a side against the new one', async () => {
    const { store } = await analyseTexts({
      'risen.txt': ['date 2026-04-06', 'Toll rises', '', 'At least 17 people were killed when a missile hit an apartment block in Tarija on Sunday, the regional governor said. Officials had earlier put the toll at nine.'].join('\n'),
    });
    expect((await store.analysis.listContradictions({ limit: 10 })).items).toEqual([]);
    await store.close();
  });

  it('sets a count "put at" a number after the strike it counts against the count another side gives of that town', async () => {
    const governor = ['date 2026-04-06', 'Market hit', '', 'A rocket struck the central market in Potosi on Sunday. The provincial governor said 17 people had been killed.'].join('\n');
    const ministry = ['date 2026-04-07', 'Ministry gives lower figure', '', 'Artillery fire hit a market in Potosi on Sunday, the defence ministry said. It put the number of dead at four.'].join('\n');
    const { store } = await analyseTexts({ 'governor.txt': governor, 'ministry.txt': ministry });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.kind).toBe('number');
    expect(x?.sides.map((s) => [s.value, s.claims.map((c) => c.speaker)])).toEqual([
      [17, ['The provincial governor']],
      [4, ['It']],
    ]);
    await store.close();
  });

  it('hears an unnamed "It" as the body that spoke before it, so two bodies\' counts are two voices', async () => {
    const ministry = ['date 2026-04-07', 'Ministry figure', '', 'The defence ministry said a missile hit the market in Potosi on Sunday. It put the number of dead at four.'].join('\n');
    const council = ['date 2026-04-08', 'Council figure', '', 'The regional council said shells hit the market in Potosi on Sunday. It put the number of dead at 17.'].join('\n');
    const { store } = await analyseTexts({ 'ministry.txt': ministry, 'council.txt': council });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.kind).toBe('number');
    expect(x?.sides.map((s) => s.value)).toEqual([4, 17]);
    await store.close();
  });

  it('sets drones shot down over a town against "none of its drones were intercepted" there, and two counts of them against each other', async () => {
    const governor = ['date 2026-05-11', 'Night raid', '', 'Air defences shot down 27 drones over Tarija overnight, the regional governor said on Monday.'].join('\n');
    const rebels = ['date 2026-05-11', 'Rebels claim raid', '', 'The Northern Front said on Monday that none of its drones had been intercepted over Tarija.'].join('\n');
    const army = ['date 2026-05-12', 'Army figures', '', 'The army said 12 drones had been downed over Tarija on Sunday night.'].join('\n');
    const disputed = await analyseTexts({ 'governor.txt': governor, 'rebels.txt': rebels });
    const [x] = (await disputed.store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.kind).toBe('stance');
    expect(x?.sides.map((s) => s.claims.map((c) => c.speaker))).toEqual([['the regional governor'], ['Northern Front']]);
    await disputed.store.close();
    const counted = await analyseTexts({ 'governor.txt': governor, 'army.txt': army });
    const [y] = (await counted.store.analysis.listContradictions({ limit: 10 })).items;
    expect(y?.kind).toBe('number');
    expect(y?.sides.map((s) => s.value)).toEqual([27, 12]);
    await counted.store.close();
  });

  it('sets two sides each saying the other broke the truce against each other, whatever the words', async () => {
    const peru = ['date 2026-06-02', 'Truce under strain', '', "Peru's defence ministry accused Bolivia of violating the ceasefire on Monday."].join('\n');
    const bolivia = ['date 2026-06-03', 'Reply', '', "Bolivia's foreign ministry said on Tuesday that Peru had broken the truce by firing on its positions."].join('\n');
    const { store } = await analyseTexts({ 'peru.txt': peru, 'bolivia.txt': bolivia });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x).toMatchObject({ kind: 'blame', about: 'who is to blame for breaking the truce: Bolivia or Peru' });
    expect(x?.sides.map((s) => s.value)).toEqual(['Bolivia', 'Peru']);
    await store.close();
  });

  it('sets a strike that killed against "no civilians were killed" in it, but not against a negation of something else', async () => {
    const { store } = await analyseTexts({ 'struck.txt': STRUCK, 'none-killed.txt': NONE_KILLED, 'not-confined.txt': NOT_CONFINED });
    const xs = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(xs.map((x) => x.sides.map((s) => s.claims.map((c) => c.content)))).toEqual([
      [['A missile strike on a residential district of Oruro killed at least 12 civilians on Monday'], ['no civilians were killed in the strike on Oruro']],
    ]);
    await store.close();
  });

  it('reads "taken control of the town" and "captured the town" as one capture there, and sets the two sides against each other', async () => {
    const { store, analyses } = await analyseTexts({ 'claimed.txt': CLAIMED, 'denied.txt': DENIED });
    const captures = analyses.map((a) => a.events.filter((e) => e.type === 'capture').map((e) => [e.trigger.text, e.place, e.target]));
    // The town is where the capture happened, whether it is named after "of" or as what was captured.
    expect(captures).toEqual([[['control', expect.stringMatching(/medani/), null]], [['captured', expect.stringMatching(/medani/), null]]]);
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.sides.map((s) => s.claims.map((c) => [c.stance, c.content]))).toEqual([
      [['assert', 'its forces had taken full control of Wad Medani after a week of heavy fighting']],
      [['deny', 'army forces had captured Wad Medani']],
    ]);
    await store.close();
  });

  it('reads "shells hit the market" as the attack another side denies there', async () => {
    const { store } = await analyseTexts({ 'shelled.txt': SHELLED, 'not-shelled.txt': NOT_SHELLED });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.sides.map((s) => s.claims.map((c) => [c.stance, c.content]))).toEqual([
      [['assert', 'Shells hit a crowded market in Wad Medani on Saturday']],
      [['deny', 'shelling the market in Wad Medani']],
    ]);
    await store.close();
  });

  it('reads "the city had fallen" and "the loss of the city" as the capture of the city named before: reported, denied, confirmed', async () => {
    const { store, analyses } = await analyseTexts({ 'seized.txt': SEIZED, 'lost.txt': LOST });
    const captures = analyses.map((a) => a.events.filter((e) => e.type === 'capture').map((e) => [e.trigger.text, e.place]));
    expect(captures).toEqual([
      [
        ['seized', 'gpe.tarija'],
        ['fallen', 'gpe.tarija'],
      ],
      [['loss', 'gpe.tarija']],
    ]);
    // "four days after denying it" dates the confirmation; it is not what is confirmed.
    expect(analyses[1]!.claims.find((c) => c.stance === 'confirm')?.content.text).toBe('the loss of the city');
    // "still fighting" on the denying side alone does not keep the rest of the proposition from taking sides; fighters
    // withdrawn from the city tell of its capture too.
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.sides.map((s) => s.claims.map((c) => [c.stance, c.content]))).toEqual([
      [
        ['assert', 'its forces had seized the southern city of Tarija after ten days of fighting'],
        ['assert', 'its fighters had withdrawn from Tarija'],
        ['confirm', 'the loss of the city'],
      ],
      [['deny', 'the city had fallen']],
    ]);
    const story = (await store.analysis.listStories({ limit: 10 })).items.find((s) => s.steps.some((step) => step.stance === 'deny'));
    expect(story?.steps.map((s) => s.stance)).toEqual(['assert', 'deny', 'assert', 'confirm']);
    await store.close();
  });

  it('takes what falls on a place, and a loss of life, for no capture', async () => {
    const { store, analyses } = await analyseTexts({ 'not-taken.txt': NOT_TAKEN });
    expect(analyses[0]!.events.filter((e) => e.type === 'capture')).toEqual([]);
    await store.close();
  });

  it('takes control of something that is no place for no capture, and a hit on a topic for no attack', async () => {
    const { store, analyses } = await analyseTexts({ 'politics.txt': POLITICS });
    expect(analyses[0]!.events.filter((e) => e.type === 'capture' || e.type === 'attack')).toEqual([]);
    await store.close();
  });

  it('tells a strike reported by one side and acknowledged by the other as one story, told of one place', async () => {
    const { store } = await analyseTexts({
      'reported.txt': ['date 2026-03-06', 'Fire at a depot', '', 'A fire broke out at an ammunition depot near Uyuni on Thursday. Military sources told a Sucre newspaper that drones had hit the site.'].join('\n'),
      'admitted.txt': ['date 2026-03-12', 'Drone hit the depot', '', 'Bolivia acknowledged on Tuesday that a drone struck the ammunition depot near Uyuni last week.'].join('\n'),
    });
    const stories = (await store.analysis.listStories({ limit: 10 })).items;
    expect(stories.map((s) => s.steps.map((step) => [step.stance, step.content]))).toEqual([
      [
        ['assert', 'drones had hit the site'],
        ['confirm', 'a drone struck the ammunition depot near Uyuni last week'],
      ],
    ]);
    await store.close();
  });

  it('reads forces withdrawn from a town as its capture told, after the town "liberated" was claimed and denied', async () => {
    const { store } = await analyseTexts({
      'claimed.txt': ['date 2026-04-01', 'Army says the town is free', '', 'The army said on Wednesday it had liberated the border town of Cobija after three days of street fighting, a claim the rebels disputed.'].join('\n'),
      'withdrawn.txt': ['date 2026-04-04', 'Rebels leave', '', 'The rebel command confirmed on Saturday that its fighters had withdrawn from Cobija.'].join('\n'),
    });
    const story = (await store.analysis.listStories({ limit: 10 })).items.find((s) => s.steps.some((step) => step.stance === 'deny'));
    expect(story?.steps.map((s) => [s.stance, s.content])).toEqual([
      ['assert', 'it had liberated the border town of Cobija after three days of street fighting'],
      ['deny', 'it had liberated the border town of Cobija after three days of street fighting'],
      ['confirm', 'its fighters had withdrawn from Cobija'],
    ]);
    await store.close();
  });

  it('sets two sides each saying the other shelled one town against each other: who attacked it', async () => {
    const { store } = await analyseTexts({
      'shelled.txt': [
        'date 2026-07-02',
        'Border town shelled',
        '',
        "Shelling killed three people in the border town of Tarija on Tuesday, local officials said. Peru's army blamed Bolivian artillery for the strike; Bolivia said Peruvian forces had shelled the town by mistake.",
      ].join('\n'),
    });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x).toMatchObject({ kind: 'blame', about: 'who attacked Tarija: Bolivia or Peru' });
    expect(x?.sides.map((s) => [s.value, s.claims.map((c) => c.content)])).toEqual([
      ['Bolivia', ['Bolivian artillery for the strike']],
      ['Peru', ['Peruvian forces had shelled the town by mistake']],
    ]);
    await store.close();
  });

  it('places "the attack" and "the shelling" at the town shells hit, and tells two towns of one country apart', async () => {
    const { store } = await analyseTexts({
      'dam.txt': [
        'date 2026-07-06',
        'Dam shelled',
        '',
        'Shells hit the Sucre dam on Monday. Bolivia said Peruvian forces were behind the attack. Peru blamed Bolivian troops for the shelling and said they wanted to flood the valley.',
      ].join('\n'),
      'town.txt': ['date 2026-07-05', 'Town shelled', '', 'Peru said on Sunday that Bolivian guns had shelled Oruro overnight.'].join('\n'),
    });
    const [x, ...rest] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x).toMatchObject({ kind: 'blame', about: 'who attacked Sucre: Peru or Bolivia' });
    expect(rest).toEqual([]);
    // The shelling of Oruro by Bolivian guns is another attack than the one Peru lays on Bolivian troops at Sucre.
    expect(x?.sides.flatMap((s) => s.claims.map((c) => c.content))).not.toContain('Bolivian guns had shelled Oruro overnight');
    await store.close();
  });

  it('sets a jet said to be shot down near a town against its crash there put down to a fault, or denied in a relative clause', async () => {
    const shot = ['date 2026-03-02', 'Jet downed', '', "Bolivia's army said on Sunday that its air defences shot down a Peruvian fighter jet near Tarija."].join('\n');
    for (const answer of [
      "Peru's air force said on Monday that the crash of its fighter jet near Tarija was caused by a technical fault.",
      "Peru's air force said on Monday that its fighter jet which went down near Tarija was not shot down.",
    ]) {
      const { store } = await analyseTexts({ 'shot.txt': shot, 'crash.txt': ['date 2026-03-03', 'Air force on the crash', '', answer].join('\n') });
      const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
      expect(x?.sides.map((s) => s.claims.map((c) => c.content))).toEqual([
        ['its air defences shot down a Peruvian fighter jet near Tarija'],
        [answer.slice(answer.indexOf('that ') + 5, -1)],
      ]);
      await store.close();
    }
  });

  it('tells a village claimed, its loss denied, and the withdrawal confirmed as one story', async () => {
    const { store } = await analyseTexts({
      'taken.txt': ['date 2026-08-01', 'Village taken', '', "Bolivia's defence ministry said on Friday that its forces had captured the village of Tupiza."].join('\n'),
      'denied.txt': ['date 2026-08-02', 'Loss denied', '', "Peru's army on Saturday dismissed Bolivian claims that its troops had lost the village of Tupiza."].join('\n'),
      'left.txt': ['date 2026-08-09', 'Withdrawal confirmed', '', "Peru's army confirmed on Saturday that its troops had left the village of Tupiza to avoid encirclement."].join('\n'),
    });
    const [story] = (await store.analysis.listStories({ limit: 10 })).items;
    expect(story?.steps.map((s) => s.stance)).toEqual(['assert', 'deny', 'confirm']);
    await store.close();
  });

  it('sets the soldiers one side says it killed near a town against those the other says it lost there', async () => {
    const { store } = await analyseTexts({
      'killed.txt': ['date 2026-06-03', 'Heavy losses claimed', '', "Bolivia's army said on Tuesday it had killed about 300 Peruvian soldiers in fighting near Tupiza."].join('\n'),
      'lost.txt': ['date 2026-06-04', 'Army gives its losses', '', "Peru's military said on Wednesday it had lost 12 soldiers near Tupiza this week."].join('\n'),
    });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x).toMatchObject({ kind: 'number' });
    expect(x?.sides.map((s) => s.label)).toEqual(['about 300 killed', '12 killed']);
    await store.close();
  });

  it('reads two parties accusing each other of one attack as a dispute of who made it, with a denial of the report beside the accused', async () => {
    const { store } = await analyseTexts({
      'report.txt': [
        'date 2026-03-05',
        'Town shelled',
        '',
        "Bolivia's defence ministry said Peruvian artillery shelled the town of Tarija overnight. Peru's army denied the report.",
      ].join('\n'),
      'each-other.txt': ['date 2026-03-06', 'Blame traded', '', 'Peru and Bolivia accused each other on Wednesday of shelling the border town of Tarija.'].join('\n'),
    });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x).toMatchObject({ kind: 'blame', about: 'who attacked Tarija: Peru or Bolivia' });
    expect(x?.sides.map((s) => s.claims.map((c) => [c.speaker, c.content]))).toEqual([
      [
        ['Ministry of Defence of Bolivia', 'Peruvian artillery shelled the town of Tarija overnight'],
        ['Bolivia', 'each other on Wednesday of shelling the border town of Tarija'],
      ],
      [
        ['Peru', 'each other on Wednesday of shelling the border town of Tarija'],
        ['Armed Forces of Peru', 'the report'],
      ],
    ]);
    await store.close();
  });

  it('hears a person an appositive names for a body as that body\'s side: who attacked a town, said by two spokespeople', async () => {
    const { store } = await analyseTexts({
      'spokespeople.txt': [
        'date 2026-07-02',
        'Town shelled',
        '',
        'A spokesman for the Bolivian army, Colonel Luis Quiroga, said Peruvian artillery had shelled Tarija on Tuesday. ' +
          "A spokeswoman for Peru's defence ministry, Ana Condori, said Bolivian forces had shelled the town themselves.",
      ].join('\n'),
    });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x).toMatchObject({ kind: 'blame', about: 'who attacked Tarija: Peru or Bolivia' });
    expect(x?.sides.map((s) => s.claims.map((c) => c.speaker))).toEqual([['Luis Quiroga'], ['Ana Condori']]);
    await store.close();
  });

  it('takes one side telling its own strike, and another confirming it, for no dispute of who made it', async () => {
    const { store } = await analyseTexts({
      'own.txt': ['date 2026-07-02', 'Strike', '', "Bolivia's army said it had shelled positions near Tarija. Peru's army said Bolivian artillery had struck the town."].join('\n'),
    });
    expect((await store.analysis.listContradictions({ limit: 10 })).items.filter((x) => x.kind === 'blame')).toEqual([]);
    await store.close();
  });

  it('puts a denial of what one side is blamed for beside the side that blames the other', async () => {
    const { store } = await analyseTexts({
      'blockade.txt': [
        'date 2026-09-02',
        'Food shortages',
        '',
        "Bolivia's agriculture minister blamed Peru's naval blockade of Lake Titicaca ports for the food shortages. Peru has denied imposing a blockade. Peru accuses Bolivia of diverting food aid to its army, which has caused the shortages, an allegation Bolivian officials rejected.",
      ].join('\n'),
    });
    const x = (await store.analysis.listContradictions({ limit: 10 })).items.find((c) => c.kind === 'blame');
    expect(x?.sides.map((s) => [s.value, s.claims.map((c) => [c.speaker, c.stance])])).toEqual([
      ['Peru', [['Bolivia', 'condemn'], ['Bolivia', 'deny']]],
      ['Bolivia', [['Peru', 'condemn'], ['Peru', 'deny']]],
    ]);
    await store.close();
  });

  it('takes an accident given as a blast\'s cause for a denial of an attack there: reported, denied, conceded', async () => {
    const { store } = await analyseTexts({
      'accident.txt': ['date 2026-03-06', 'Depot fire', '', 'A fire at an ammunition depot near Uyuni was caused by a short circuit, the emergency ministry said on Thursday.'].join('\n'),
      'drones.txt': ['date 2026-03-07', 'Drones hit depot', '', 'Military sources told a Sucre newspaper that long-range drones had hit the site near Uyuni.'].join('\n'),
      'admitted.txt': ['date 2026-03-12', 'Drone hit the depot', '', 'Bolivia acknowledged on Tuesday that a drone struck the ammunition depot near Uyuni last week.'].join('\n'),
    });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.sides.map((s) => s.claims.map((c) => c.content))).toEqual([
      ['long-range drones had hit the site near Uyuni', 'a drone struck the ammunition depot near Uyuni last week'],
      ['A fire at an ammunition depot near Uyuni was caused by a short circuit'],
    ]);
    await store.close();
  });
  it('tells an act named with its verb ("declared martial law") after plans for it were denied: denied, then done', async () => {
    const { store } = await analyseTexts({
      'denied.txt': ['date 2026-10-16', 'No emergency rule', '', 'The president of Bolivia rejected reports that his government was preparing to declare martial law.'].join('\n'),
      'declared.txt': ['date 2026-10-20', 'Emergency rule', '', 'Bolivia declared martial law on Monday, four days after its president dismissed reports of such plans.'].join('\n'),
      'unrelated.txt': ['date 2026-10-21', 'Vote', '', 'Peru declared the vote a success.'].join('\n'),
    });
    const story = (await store.analysis.listStories({ limit: 10 })).items.find((s) => s.steps.some((step) => step.stance === 'deny'));
    expect(story?.steps.map((s) => [s.stance, s.content])).toEqual([
      ['deny', 'reports that his government was preparing to declare martial law'],
      ['assert', 'martial law on Monday'],
    ]);
    await store.close();
  });
  it('sets a place said to be taken against fighting said to go on there: claimed, disputed, conceded', async () => {
    const { store } = await analyseTexts({
      'taken.txt': ['date 2026-11-02', 'Village taken', '', "Peru's defence ministry said on Monday that its troops had taken control of the village of Villazon."].join('\n'),
      'fighting.txt': ['date 2026-11-03', 'Still fighting', '', "Bolivia's army said on Tuesday that its units were still fighting in Villazon."].join('\n'),
      'conceded.txt': ['date 2026-11-07', 'Pulled back', '', "Bolivia's army acknowledged on Saturday that its troops had pulled back from Villazon."].join('\n'),
    });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.sides.map((s) => s.claims.map((c) => c.content))).toEqual([
      ['its troops had taken control of the village of Villazon', 'its troops had pulled back from Villazon'],
      ['its units were still fighting in Villazon'],
    ]);
    const [story] = (await store.analysis.listStories({ limit: 10 })).items;
    expect(story?.steps.map((s) => s.stance)).toEqual(['assert', 'assert', 'confirm']);
    await store.close();
  });
  it('sets a plan to attack a town disowned against the attack on it told later', async () => {
    const { store } = await analyseTexts({
      'no-plans.txt': ['date 2026-08-06', 'No plans', '', "Bolivia's foreign minister said on Wednesday that his country had no plans to attack Tarija, as troops massed near the border."].join('\n'),
      'hit.txt': ['date 2026-08-12', 'Missiles hit Tarija', '', "Bolivian missiles hit the city of Tarija on Tuesday, Peru's defence ministry said."].join('\n'),
    });
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.why).toEqual(['a plan for it disowned, and the deed told as done']);
    await store.close();
  });

  it('tells a plan disowned and the deed then done as one story', async () => {
    const { store } = await analyseTexts({
      'no-plans.txt': ['date 2026-11-08', 'Border stays open', '', "Peru's interior minister said on Sunday that the government had no plans to close the border with Bolivia."].join('\n'),
      'closed.txt': ['date 2026-11-12', 'Border closed', '', 'Peru closed all crossings on its border with Bolivia on Thursday, officials said.'].join('\n'),
    });
    const stories = (await store.analysis.listStories({ limit: 10 })).items;
    expect(stories.map((s) => s.steps.map((step) => [step.stance, step.content]))).toEqual([
      [
        ['assert', 'the government had no plans to close the border with Bolivia'],
        ['assert', 'Peru closed all crossings on its border with Bolivia on Thursday'],
      ],
    ]);
    await store.close();
  });
});
