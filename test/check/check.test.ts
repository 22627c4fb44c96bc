import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURES, pairFeatures } from '../../src/check/features.js';
import { boost, CompiledForest, predictTree, type Forest } from '../../src/check/gbdt.js';
import { asStatement, claimAnalysis, ClaimChecker, stanceToClaim } from '../../src/check/index.js';
import { gramsOf, LexicalIndexer, Lexicon, trainLexicon } from '../../src/check/lexical.js';
import { stem } from '../../src/lang/en/check.js';
import { prepare } from '../../src/check/prepare.js';
import { parseCsv, scoreFnc1 } from '../../src/eval/fnc1-data.js';
import { CHECK_RECORDS, CLAIM, EXPECTED, record } from '../fixtures/check.js';

let checker: ClaimChecker;

beforeAll(async () => {
  checker = await ClaimChecker.create();
});

describe('stance to a claim, on the project’s own articles', () => {
  it('tells the agreeing, denying, discussing and unrelated article apart', () => {
    const got = Object.fromEntries(CHECK_RECORDS.map((r) => [r.id, checker.judge(CLAIM, r.text).stance]));
    expect(got).toEqual(EXPECTED);
  });

  it('points to the denial, its speaker and its refuting words as the evidence', () => {
    const r = checker.judge(CLAIM, record('courier-2025-03-04').text);
    expect(r.stance).toBe('disagree');
    const [main] = r.evidence;
    expect(main!.sentence.text).toMatch(/^Belarus's Defence Ministry on Tuesday denied reports/);
    expect(main!.cues).toEqual(expect.arrayContaining(['denied', 'fabrication']));
    expect(main!.claims.some((c) => c.stance === 'deny' && /Defence/.test(c.speaker ?? ''))).toBe(true);
    // Offsets point into the article's text.
    const text = checker.analyze(record('courier-2025-03-04').text).article.text;
    expect(text.slice(main!.sentence.start, main!.sentence.end)).toBe(main!.sentence.text);
  });

  it('reads the discussing article’s hedge and gives the unrelated one no evidence', () => {
    const discuss = checker.judge(CLAIM, record('riverside-2025-03-03').text);
    expect(discuss.evidence[0]!.cues).toContain('claimed');
    const unrelated = checker.judge(CLAIM, record('harvest-2025-03-05').text);
    expect(unrelated.stance).toBe('unrelated');
    expect(unrelated.evidence).toEqual([]);
    expect(unrelated.probabilities.unrelated).toBeGreaterThan(0.9);
  });

  it('judges stored analyses as it judges text, the same every time', () => {
    const claim = checker.analyze(CLAIM);
    const article = checker.analyze(record('northline-2025-03-03').text);
    const a = stanceToClaim(claim, article, checker.model);
    const b = stanceToClaim(structuredClone(claim), structuredClone(article), checker.model);
    expect(b).toEqual(a);
    expect(a.stance).toBe('agree');
    const sum = Object.values(a.probabilities).reduce((x, y) => x + y, 0);
    expect(sum).toBeCloseTo(1, 6);
  });
});

describe('sources: who in an article takes which side', () => {
  const sides = (text: string) => Object.fromEntries(checker.judge(CLAIM, text).sources.map((x) => [x.side, x.speaker]));

  it('sets a speaker who says it against one who denies it, in the same article', () => {
    const text =
      "Border tensions rise\n\nUkraine's border guard service said on Monday that Belarusian troops had crossed the border into Ukraine's Volyn region. " +
      "Belarus's Defence Ministry denied that Belarusian troops had crossed the border into Ukraine's Volyn region.";
    const got = sides(text);
    expect(got.agree).toMatch(/Ukraine|[Bb]order/);
    expect(got.disagree).toMatch(/Defence/);
  });

  it('turns a speaker round who says the claim’s words negated, and lets a speaker who only claims it report it', () => {
    expect(sides("Minsk rejects border story\n\n\"Not a single Belarusian soldier crossed the border into Ukraine's Volyn region,\" Belarus's Defence Ministry said on Tuesday.").disagree).toMatch(/Defence/);
    expect(Object.keys(sides(record('riverside-2025-03-03').text))).toEqual(['discuss']);
  });

  it('does not count a speaker whose statement names none of the claim’s actors', () => {
    const got = checker.judge(CLAIM, "Kyiv moves units north\n\nUkraine's army said its troops crossed the border into the Volyn region on Monday to reinforce positions.").sources;
    expect(got.map((x) => x.side)).not.toContain('agree');
    expect(got.every((x) => x.speaker === null)).toBe(true);
  });
});

describe('claimAnalysis: a stored claim checked against other articles', () => {
  it('takes the claim Minsk denies out of its article, offsets moved, and judges it as if its words were analysed anew', () => {
    const courier = checker.analyze(record('courier-2025-03-04').text);
    const denial = courier.claims.find((c) => c.stance === 'deny' && /Volyn region/.test(c.content.text))!;
    const claim = claimAnalysis(courier, denial.id);
    expect(claim.article.text).toBe(denial.content.text);
    for (const e of claim.entities) for (const m of e.mentions) expect(claim.article.text.slice(m.start, m.end)).toBe(m.text);
    expect(claim.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Belarus', 'Ukraine', 'Volyn Oblast']));
    // The article that reports the claim only to deny it disagrees with it; the grain report is unrelated.
    expect(stanceToClaim(claim, courier, checker.model).stance).toBe('disagree');
    expect(stanceToClaim(claim, checker.analyze(record('harvest-2025-03-05').text), checker.model).stance).toBe('unrelated');
    for (const r of CHECK_RECORDS) {
      const article = checker.analyze(r.text);
      const fromStore = stanceToClaim(claim, article, checker.model).probabilities;
      const anew = stanceToClaim(checker.analyze(denial.content.text), article, checker.model).probabilities;
      for (const k of Object.keys(anew) as (keyof typeof anew)[]) expect(fromStore[k]).toBeCloseTo(anew[k], 3);
    }
    expect(() => claimAnalysis(courier, 'c999')).toThrow('no claim "c999"');
  });
});

describe('questions', () => {
  it('reads a yes–no question as the statement it asks about, and judges it so', () => {
    expect(asStatement('Are North Korean troops fighting in Kursk?')).toBe('North Korean troops fighting in Kursk.');
    expect(asStatement('  Did Belarusian troops cross into Volyn ?? ')).toBe('Belarusian troops cross into Volyn.');
    expect(asStatement('Who shelled the bridge?')).toBe('Who shelled the bridge?');
    expect(asStatement('Troops crossed the border.')).toBe('Troops crossed the border.');
    const question = asStatement("Did Belarusian troops cross the border into Ukraine's Volyn region?");
    expect(checker.judge(question, record('courier-2025-03-04').text).stance).toBe('disagree');
  });
});

describe('features', () => {
  it('fills every named feature and finds a claim inside an article that repeats it', () => {
    const claim = prepare(checker.analyze(CLAIM));
    const same = prepare(checker.analyze(record('northline-2025-03-03').text));
    const other = prepare(checker.analyze(record('harvest-2025-03-05').text));
    const near = pairFeatures(claim, same, null);
    const far = pairFeatures(claim, other, null);
    expect(near.values.length).toBe(FEATURES.length);
    const f = (x: Float32Array, name: (typeof FEATURES)[number]) => x[FEATURES.indexOf(name)]!;
    expect(f(near.values, 'cover')).toBeGreaterThan(0.9);
    expect(f(far.values, 'cover')).toBeLessThan(0.2);
    expect(f(near.values, 'sent_cos_max')).toBeGreaterThan(f(far.values, 'sent_cos_max'));
    expect(near.relevant[0]!.sentence).toBe(1);
  });

  it('counts the claim’s words said the other way round ("not a single … crossed")', () => {
    const claim = prepare(checker.analyze('Soldiers crossed the river.'));
    const turned = prepare(checker.analyze('No soldiers crossed the river.'));
    const plain = prepare(checker.analyze('Soldiers crossed the river.'));
    const k = FEATURES.indexOf('turned_matches');
    expect(pairFeatures(claim, turned, null).values[k]).toBeGreaterThan(0.5);
    expect(pairFeatures(claim, plain, null).values[k]).toBe(0);
  });

  it('stems word forms together', () => {
    expect(new Set(['denies', 'denied', 'deny'].map(stem)).size).toBe(1);
    expect(stem('crossing')).toBe(stem('crossed'));
    expect(stem('troops')).toBe('troop');
  });
});

describe('the learners', () => {
  it('boosted trees learn an interaction no single feature shows, with the same trees from the same seed', () => {
    const rows: Float32Array[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 400; i++) {
      const a = (i * 7919) % 2;
      const b = Math.floor(i / 2) % 2;
      rows.push(Float32Array.from([a, b, (i % 13) / 13]));
      labels.push(a ^ b);
    }
    const options = { rounds: 30, depth: 3, rate: 0.3, lambda: 1, minChild: 1, rowSample: 0.8, featureSample: 1, seed: 5 };
    const forest = boost(rows, labels, 2, options);
    const compiled = new CompiledForest(forest);
    const wrong = rows.filter((x, i) => (compiled.predict(x)[1]! > 0.5 ? 1 : 0) !== labels[i]).length;
    expect(wrong).toBe(0);
    expect(boost(rows, labels, 2, options)).toEqual(forest);
  });

  it('the compiled forest gives the probabilities of walking each tree, leaves at any depth, NaN going right', () => {
    // Three classes, seven trees (not a multiple of the four walked together), leaves one to three levels deep.
    const stump = (f: number, at: number, l: number, r: number) => ({ feature: [f, -1, -1], threshold: [at, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, l, r] });
    const uneven = { feature: [0, -1, 1, 2, -1, -1, -1], threshold: [0.5, 0, 0.25, 0.75, 0, 0, 0], left: [1, 0, 3, 5, 0, 0, 0], right: [2, 0, 4, 6, 0, 0, 0], value: [0, -1.5, 0, 0, 2.25, 0.125, -0.75] };
    const forest: Forest = { classes: 3, base: [0.1, -0.2, 0.3], trees: [uneven, stump(1, 0.5, 0.3, -0.3), stump(2, 0.1, -1, 1), stump(0, 0.9, 0.7, 0.2), uneven, stump(2, 0.6, 0.05, -0.4), stump(1, 0.2, -0.6, 0.9)] };
    const walked = (x: Float32Array) => {
      const s = forest.base.map((b, c) => b + forest.trees.reduce((sum, t, k) => (k % 3 === c ? sum + predictTree(t, x) : sum), 0));
      const e = s.map((v) => Math.exp(v - Math.max(...s)));
      return e.map((v) => v / e.reduce((a, b) => a + b, 0));
    };
    const compiled = new CompiledForest(forest);
    const rows = [[0, 0, 0], [1, 1, 1], [0.7, 0.1, 0.9], [0.7, 0.3, 0.5], [NaN, 0.3, 0.8], [0.6, NaN, NaN], [0.5, 0.25, 0.75]].map((r) => Float32Array.from(r));
    for (const x of rows) {
      const p = compiled.predict(x);
      const q = walked(x);
      p.forEach((v, c) => expect(v).toBeCloseTo(q[c]!, 12));
    }
    // The leaves reached differ between the rows: the test would not pass on a forest that ignored its input.
    expect(new Set(rows.map((x) => compiled.predict(x)[0]!.toFixed(6))).size).toBeGreaterThan(4);
  });

  it('the lexicon learns which words deny, and reads them only where it knows them', () => {
    const indexer = new LexicalIndexer(['denied', 'reportedly', 'confirmed', 'the']);
    const text = (t: string) => prepare(checker.analyze(t));
    const claim = text('The bridge was destroyed.');
    const examples = [
      ['Officials confirmed the bridge was destroyed.', 0],
      ['The bridge was reportedly destroyed.', 2],
      ['Officials denied the bridge was destroyed.', 1],
    ].flatMap(([t, label]) => Array.from({ length: 5 }, () => ({ features: indexer.features(claim, text(t as string), [0]), label: label as number })));
    const file = trainLexicon(indexer, examples, { epochs: 20, rate: 0.5, l2: 0, seed: 1 });
    const lexicon = new Lexicon(file);
    const p = lexicon.scores(claim, text('The minister denied that the bridge was destroyed.'), [0]);
    expect(p[1]).toBeGreaterThan(p[0]!);
    expect(p[1]).toBeGreaterThan(p[2]!);
    expect(gramsOf(['not', 'true'])).toEqual(['not', 'true', 'not true']);
  });
});

describe('FNC-1 reading and scoring', () => {
  it('reads quoted CSV fields with commas, newlines and doubled quotes', () => {
    expect(parseCsv('a,b\n"x, ""y""","line one\nline two"\r\nlast,')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line one\nline two'],
      ['last', ''],
    ]);
  });

  it('scores as the challenge did: a quarter for unrelated and for related, the rest for the right related label', () => {
    const s = scoreFnc1(['unrelated', 'agree', 'disagree', 'discuss'], ['unrelated', 'discuss', 'disagree', 'unrelated']);
    // earned 0.25 + 0.25 + 1 + 0 of 0.25 + 1 + 1 + 1
    expect(s.fnc).toBeCloseTo(1.5 / 3.25, 10);
    expect(s.confusion[0]).toEqual([0, 0, 1, 0]);
    expect(s.f1.disagree).toBe(1);
    expect(s.f1.agree).toBe(0);
    expect(s.macroF1).toBeCloseTo((0 + 1 + 0 + 2 / 3) / 4, 10);
  });
});
