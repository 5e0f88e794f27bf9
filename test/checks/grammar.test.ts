// Tests for word order, doubled verbs, literal prepositions and moved sources: they fire on German syntax only.
import { describe, expect, it } from 'vitest';
import { doubledVerb, wordOrder } from '../../src/checks/grammar.ts';
import { literalPhrase } from '../../src/checks/literal.ts';
import { movedSource } from '../../src/checks/sources.ts';
import { applyFindings, spans } from './helpers.ts';

describe('word-order', () => {
  it('finds verb-final clauses, stranded names and the verb before its subject, without a fix', () => {
    const text =
      'The works council fears cuts that the management in summer decided had. He flew five weeks ago China. ' +
      'On Saturday celebrated the fans the first home win.';
    const found = wordOrder.run(text);
    expect(found.map((f) => f.text)).toEqual(['decided had', 'China', 'On Saturday celebrated the fans']);
    expect(found.every((f) => f.suggestion === null && f.confidence <= 0.7)).toBe(true);
  });
  it('leaves English order alone: commas after openers, inversions English allows, auxiliaries after pronouns', () => {
    const text =
      'On Saturday, the fans celebrated. On Monday the minister announced a plan. In the morning came the news. ' +
      'Among the injured were two children. Meanwhile, the Kremlin announced talks. In neighbouring Poland, towns ' +
      'flooded. It was bigger than he thought it would. She met him in Berlin. He arrived in May, Merkel said.';
    expect(spans(wordOrder, text)).toEqual([]);
  });
});

describe('doubled-verb', () => {
  it('deletes the verb repeated after its agent', () => {
    const text = 'echoing a phrase used by the employers and the FDP use to describe their demands';
    expect(applyFindings(text, doubledVerb.run(text))).toBe(
      'echoing a phrase used by the employers and the FDP to describe their demands',
    );
  });
  it('leaves a verb used once alone', () => {
    expect(
      spans(doubledVerb, 'The phrase used by the employers to describe it is old. Driven by fear, they drive.'),
    ).toEqual([]);
  });
});

describe('literal-phrase', () => {
  it('proposes "according to" for "loud" and "for" for "since" before a length of time', () => {
    const text =
      'Loud the ministry, costs rise. It should be loud Mirror come. Since three weeks they talk, since years.';
    expect(literalPhrase.run(text).map((f) => [f.text, f.suggestion])).toEqual([
      ['Loud', 'According to'],
      ['loud', 'according to'],
      ['Since', 'For'],
      ['since', 'for'],
    ]);
    expect(spans(literalPhrase, 'She said opposite the WDR that it was over.')).toEqual(['opposite the WDR']);
  });
  it('leaves "a loud bang", "since 2019", "since three weeks ago" and places opposite alone', () => {
    const text =
      'There was a loud bang. The music was loud. It has grown since 2019 and since three weeks ago. The shop opposite the station.';
    expect(spans(literalPhrase, text)).toEqual([]);
  });
});

describe('moved-source', () => {
  it('finds a source moved behind its verb and proposes the order where it is sure', () => {
    const text = 'Sales fell, the agency reported dpa. According to this Bild, the state lacks money.';
    expect(movedSource.run(text).map((f) => [f.text, f.suggestion])).toEqual([
      ['agency reported dpa', 'agency dpa reported'],
      ['According to this ', 'According to '],
    ]);
    expect(spans(movedSource, 'Merz told on election night Ippen.Media that it must change.')).toHaveLength(1);
    expect(spans(movedSource, 'The storm reached 105 km/h, as the German Weather Service measured DWD.')).toHaveLength(
      1,
    );
  });
  it('leaves English attributions alone: inversion after a quote, "told Bild", "according to Reuters"', () => {
    const text =
      '"We are ready," said Reuters. The minister told Bild that it was over. According to Reuters, it rose. ' +
      'According to this, the plan fails. The agency said on Monday that prices rose.';
    expect(spans(movedSource, text)).toEqual([]);
  });
});
