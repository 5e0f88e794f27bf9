// The `check` command: automatic findings on one text, or an evaluation of the checks against annotated texts.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type AnnotationFile,
  evaluateText,
  locateAnnotations,
  precision,
  recall,
  type Score,
  scoreEvaluations,
  scoreGroups,
  type TextEvaluation,
  unexpectedPerThousandWords,
} from '../checks/evaluate.ts';
import { checks, families, familyOf, runChecks } from '../checks/registry.ts';
import type { CheckContext, CorpusText, Finding } from '../checks/types.ts';
import { type Command, CommandError, parseCommandArgs, UsageError } from './args.ts';

const usage = `Usage: mt-review check FILE [--json] [--house-style FILE]
       mt-review check --eval DIR [--json] [--house-style FILE]

Runs the automatic checks on FILE and lists the findings (line:column, message, suggestion).
  --json              {"findings":[{"check","start","end","text","suggestion","category","severity","message",
                      "confidence"}]}
  --eval DIR          score the checks against DIR/<name>.txt + DIR/<name>.expected.json: recall, precision,
                      suggestions right, per check, per family and overall, per text, and the unexpected
                      findings per 1,000 words
  --house-style FILE  names and terms on top of the shipped list (default: $MT_REVIEW_HOUSE_STYLE)`;

/** Reads a text file as the corpus does: UTF-8, BOM removed, CRLF as LF; a failure names the file. */
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandError(`${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

function describeSuggestion(finding: Finding): string {
  if (finding.suggestion === null) return '(no suggestion)';
  return finding.suggestion === '' ? '(delete)' : JSON.stringify(finding.suggestion);
}

function printFindings(file: string, text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    const span = JSON.stringify(f.text.length > 40 ? `${f.text.slice(0, 37)}...` : f.text);
    process.stdout.write(
      `${file}:${lineColumn(text, f.start)}  ${f.check} [${f.severity}, ${f.confidence}]  ${f.message}\n    ${span} → ${describeSuggestion(f)}\n`,
    );
  }
  process.stdout.write(`${findings.length} finding${findings.length === 1 ? '' : 's'}\n`);
}

function houseStyleContext(path: string | undefined): CheckContext {
  return path ? { houseStylePath: path } : {};
}

function checkFile(file: string, json: boolean, context: CheckContext): number {
  const text = readText(file);
  let findings: Finding[];
  try {
    findings = runChecks(text, context);
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
  if (json) process.stdout.write(`${JSON.stringify({ findings })}\n`);
  else printFindings(file, text, findings);
  return 0;
}

/** Reads DIR's annotated texts; a missing or broken annotation file is an error naming it. */
function readAnnotated(dir: string): Array<CorpusText & { file: string; annotations: AnnotationFile }> {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .sort();
  } catch {
    throw new CommandError(`${dir}: not a readable directory`);
  }
  if (names.length === 0) throw new CommandError(`${dir}: no .txt files to evaluate`);
  return names.map((name) => {
    const file = join(dir, name);
    const annotationPath = file.replace(/\.txt$/, '.expected.json');
    let annotations: AnnotationFile;
    try {
      annotations = JSON.parse(readText(annotationPath)) as AnnotationFile;
    } catch (error) {
      throw error instanceof CommandError ? error : new CommandError(`${annotationPath}: ${(error as Error).message}`);
    }
    if (!Array.isArray(annotations.findings)) throw new CommandError(`${annotationPath}: "findings" must be a list`);
    return { id: basename(name, '.txt'), text: readText(file), file, annotations };
  });
}

/** Evaluates every annotated text of `dir` (the texts together form the corpus of the corpus checks). */
export function evaluateDirectory(dir: string, houseStylePath?: string): TextEvaluation[] {
  const texts = readAnnotated(dir);
  const corpus = texts.map(({ id, text }) => ({ id, text }));
  return texts.map(({ id, text, file, annotations }) => {
    let located: ReturnType<typeof locateAnnotations>;
    try {
      located = locateAnnotations(text, annotations.findings);
    } catch (error) {
      throw new CommandError(`${file.replace(/\.txt$/, '.expected.json')}: ${(error as Error).message}`);
    }
    const findings = runChecks(text, { ...houseStyleContext(houseStylePath), corpus, articleId: id });
    return evaluateText(id, text, findings, located);
  });
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

function scoreLine(label: string, s: Score): string {
  const suggestions = s.judged ? `${s.right}/${s.judged}` : '-';
  return `${label.padEnd(22)}${String(s.expected).padStart(9)}${String(s.found).padStart(7)}${String(s.matched).padStart(9)}${percent(recall(s))}${percent(precision(s))}  ${suggestions.padStart(9)}`;
}

/** Scores per check (overall last) and per family, as `--eval` reports them. */
function evaluationScores(results: readonly TextEvaluation[]): { checks: Score[]; families: Score[] } {
  const perCheck = scoreEvaluations(
    results,
    checks.map((c) => c.id),
  );
  return { checks: perCheck, families: scoreGroups(perCheck, familyOf, families) };
}

function printEvaluation(results: readonly TextEvaluation[]): void {
  const header = `${'check'.padEnd(22)} expected  found  matched recall  prec.  sugg.right`;
  const scores = evaluationScores(results);
  const lines = [header, ...scores.checks.map((s) => scoreLine(s.check, s))];
  lines.push('', header.replace('check ', 'family'), ...scores.families.map((s) => scoreLine(s.check, s)));
  const words = results.reduce((total, r) => total + r.words, 0);
  lines.push(
    '',
    `unexpected findings per 1,000 words: ${unexpectedPerThousandWords(results).toFixed(2)} (${words} words)`,
  );
  lines.push('', header.replace('check', 'text '));
  for (const result of results) lines.push(scoreLine(result.name, scoreEvaluations([result], []).at(-1) as Score));
  for (const result of results) {
    for (const a of result.missed) lines.push(`missed      ${result.name}  ${a.check}  ${JSON.stringify(a.text)}`);
    for (const f of result.unexpected)
      lines.push(
        `unexpected  ${result.name}:${f.start}  ${f.check}  ${JSON.stringify(f.text)} → ${describeSuggestion(f)}`,
      );
    for (const m of result.matched.filter((x) => x.suggestionRight === false)) {
      lines.push(
        `wrong fix   ${result.name}  ${m.finding.check}  ${JSON.stringify(m.finding.text)} → ${describeSuggestion(m.finding)}, expected ${JSON.stringify(m.annotation.suggestion)}`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `mt-review check FILE [--json]` and `mt-review check --eval DIR`. */
export const command: Command = {
  summary: 'automatic findings on a text (or --eval DIR: recall and precision of the checks)',
  usage,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      eval: { type: 'string' },
      'house-style': { type: 'string' },
    });
    const houseStyle = values['house-style'];
    if (values.eval !== undefined) {
      if (positionals.length) throw new UsageError('--eval takes a directory, not a FILE as well');
      const results = evaluateDirectory(values.eval, houseStyle);
      if (values.json)
        process.stdout.write(
          `${JSON.stringify({
            scores: evaluationScores(results).checks,
            families: evaluationScores(results).families,
            unexpectedPerThousandWords: unexpectedPerThousandWords(results),
            texts: results,
          })}\n`,
        );
      else printEvaluation(results);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('expected one FILE');
    return checkFile(positionals[0] as string, values.json === true, houseStyleContext(houseStyle));
  },
};
