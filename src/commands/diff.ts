// `mt-review diff MT CORRECTED [--json]`: the edits between two texts, as a numbered word diff or as JSON.
import { type Edit, extractEdits } from '../diff/index.ts';
import { type Command, parseCommandArgs, UsageError } from './args.ts';
import { readInputText } from './read-input.ts';

const usage = `Usage: mt-review diff MT_FILE CORRECTED_FILE [--json]

Lists the edits that turn the machine translation into its corrected version.
Human output: one numbered line per edit, [-removed-]{+added+} in context (coloured on a terminal).
--json: {"edits":[{"id","mtStart","mtEnd","mtText","correctedText",...}]}; offsets index MT_FILE as loaded
        (UTF-8, BOM removed, CRLF turned into LF), in JavaScript string units.`;

/** Shows line breaks inside an edit, where they would otherwise vanish into the layout. */
const visible = (text: string) => text.replace(/\n/g, '⏎');

interface Style {
  removed(text: string): string;
  added(text: string): string;
  dim(text: string): string;
}

const plain: Style = {
  removed: (text) => `[-${text}-]`,
  added: (text) => `{+${text}+}`,
  dim: (text) => text,
};

const colour: Style = {
  removed: (text) => `\x1b[31;9m${text}\x1b[0m`,
  added: (text) => `\x1b[32m${text}\x1b[0m`,
  dim: (text) => `\x1b[2m${text}\x1b[0m`,
};

/** Line and column (1-based) of an offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** One numbered line per edit: where it is, then the change in its context. */
export function formatEdits(mt: string, edits: Edit[], style: Style): string {
  const width = String(edits.length).length;
  const lines = edits.map((edit, index) => {
    const change =
      (edit.mtText ? style.removed(visible(edit.mtText)) : '') +
      (edit.correctedText ? style.added(visible(edit.correctedText)) : '');
    const context = `${style.dim(`…${visible(edit.contextBefore)}`)}${change}${style.dim(`${visible(edit.contextAfter)}…`)}`;
    return `${String(index + 1).padStart(width)}  ${lineColumn(mt, edit.mtStart).padEnd(7)} ${context}`;
  });
  const count = `${edits.length} edit${edits.length === 1 ? '' : 's'}`;
  return lines.length ? `${lines.join('\n')}\n\n${count}\n` : `${count}: the texts are identical\n`;
}

export const command: Command = {
  summary: 'the edits between an MT file and its corrected version',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length !== 2)
      throw new UsageError(`expected MT_FILE and CORRECTED_FILE, got ${positionals.length} file(s)`);
    const [mtPath, correctedPath] = positionals as [string, string];
    const mt = await readInputText(mtPath);
    const corrected = await readInputText(correctedPath);
    const edits = extractEdits(mt, corrected);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ edits }, null, 2)}\n`);
    } else {
      const style = process.stdout.isTTY && !process.env.NO_COLOR ? colour : plain;
      process.stdout.write(formatEdits(mt, edits, style));
    }
    return 0;
  },
};
