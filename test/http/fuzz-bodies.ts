// Hostile request bodies for the fuzz test: field values of every type, bodies shaped like the routes expect.
import fc from 'fast-check';
import { categories } from '../../src/review/taxonomy.ts';

/** What the generators need to know of the running server: real ids, so that some requests get past the 404s. */
export interface FuzzTargets {
  articleIds: string[];
  editIds: string[];
  mtTexts: string[];
}

/** A request body as generated: JSON, form fields, or raw text. */
export type FuzzBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: [string, string][] }
  | { kind: 'raw'; text: string };

const placeholders = ['@@mtr-csrf-token@@', '@@mtr-reviewer@@', '@@mtr-client-request-id@@', 'mtr-slot-00-csrfToken'];
const loneSurrogates = ['\ud800', 'a\udc00b', '\udbff', 'x\ud83d', '\udf89\ud83c'];
const markup = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</textarea><b>',
  '{{7*7}}',
  '\u0024{7*7}',
];

/** Text a hostile client would send: any code points, control characters, lone surrogates, markup, huge. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 10 }),
  fc.constantFrom(...placeholders, ...loneSurrogates, ...markup, '', ' ', '\u0000', '\u202e', 'é\u0301', '🎉'),
  fc.constantFrom(25_000, 300_000).map((n) => 'x'.repeat(n)),
);

/** Wrong types for every field, next to plausible values. */
function fieldValue(targets: FuzzTargets) {
  const plausible = fc.constantFrom(
    'accept',
    'reject',
    'amend',
    'minor',
    'major',
    'critical',
    'accuracy',
    'Accuracy/Mistranslation',
    'fluency/grammar',
    ...targets.editIds.slice(0, 5),
    ...targets.mtTexts,
  );
  const numbers = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1.5, 1e12, -0, 1e308, 2 ** 53 + 2, 366));
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      plausible,
      hostileText,
      numbers,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 }),
    ),
  })).value;
}

const fieldNames = fc.constantFrom(
  'decision',
  'category',
  'severity',
  'note',
  'amendedText',
  'clientRequestId',
  'mtStart',
  'mtEnd',
  'mtText',
  'occurrence',
  'correctedText',
  'corrected',
  'name',
  'password',
  'next',
  '_csrf',
  '__proto__',
  'constructor',
);

/** Bodies shaped like a verdict or a reviewer edit, with some fields hostile: they reach the routes' own checks. */
export function plausibleBodies(targets: FuzzTargets) {
  const value = fieldValue(targets);
  const either = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 3 }, value);
  const verdict = fc.record(
    {
      decision: either(fc.constantFrom('accept', 'reject', 'amend')),
      category: either(fc.constantFrom(...categories.map((c) => c.id), 'accuracy', 'Accuracy/Mistranslation')),
      severity: either(fc.constantFrom('neutral', 'minor', 'major', 'critical')),
      note: either(fc.string({ maxLength: 30 })),
      amendedText: either(fc.string({ maxLength: 30 })),
      clientRequestId: either(fc.uuid()),
    },
    { requiredKeys: ['decision'] },
  );
  const offsets = fc.record({
    mtStart: either(fc.nat({ max: 500 })),
    mtEnd: either(fc.nat({ max: 500 })),
    correctedText: either(fc.string({ maxLength: 12 })),
  });
  const text = fc.record({
    mtText: either(fc.constantFrom(...targets.mtTexts.map((t) => t.slice(0, 6)), 'the', 'Lavrov', 'a')),
    occurrence: either(fc.nat({ max: 30 })),
    correctedText: either(fc.string({ maxLength: 12 })),
  });
  return { verdict, edit: fc.oneof(offsets, text) };
}

/** Any of the plausible bodies. */
function plausibleBody(targets: FuzzTargets): fc.Arbitrary<Record<string, unknown>> {
  const { verdict, edit } = plausibleBodies(targets);
  return fc.oneof(verdict, edit);
}

/** Any body: plausible ones, wrong types, too many fields, invalid JSON. */
export function fuzzBody(targets: FuzzTargets): fc.Arbitrary<FuzzBody> {
  const value = fieldValue(targets);
  const fields = fc.array(fc.tuple(fc.oneof(fieldNames, fc.string({ maxLength: 8 })), value), { maxLength: 8 });
  const asForm = (pairs: [string, unknown][]) => ({
    kind: 'form' as const,
    fields: pairs.map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
  });
  return fc.oneof(
    { arbitrary: plausibleBody(targets).map((v) => ({ kind: 'json' as const, value: v })), weight: 3 },
    { arbitrary: plausibleBody(targets).map((v) => asForm(Object.entries(v))), weight: 2 },
    fields.map((pairs) => ({ kind: 'json' as const, value: Object.fromEntries(pairs) })),
    value.map((v) => ({ kind: 'json' as const, value: v })),
    fields.map(asForm),
    fc.constantFrom(1200, 5).map((n) => ({
      kind: 'form' as const,
      fields: Array.from({ length: n }, (_, i): [string, string] => [`f${i}`, '1']),
    })),
    fc
      .constantFrom(
        '{"decision":',
        '{bad',
        '['.repeat(100_000),
        '{"a":'.repeat(20_000),
        '"\\ud800"',
        'null',
        '%',
        '&&=',
      )
      .map((text) => ({ kind: 'raw' as const, text })),
  );
}
