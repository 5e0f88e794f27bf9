// Locating a syntax error in JSON text: Node 20's JSON.parse often says only "Unexpected token", with no position.

/** A JSON syntax error: where it is (offset, 1-based line and column) and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

// Deeper nesting than this is not metadata; the cap also keeps the recursive scanner off the stack limit.
const MAX_DEPTH = 500;

class SyntaxFailure {
  readonly offset: number;
  readonly message: string;
  constructor(offset: number, message: string) {
    this.offset = offset;
    this.message = message;
  }
}

/** Finds the first syntax error in `text` read as JSON (RFC 8259), or undefined when the text is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { offset: error.offset, line, column, message: error.message };
  }
}

class JsonScanner {
  private pos = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  document(): void {
    this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === '{') this.object(depth);
    else if (ch === '[') this.array(depth);
    else if (ch === '"') this.string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number();
    else this.literal(ch);
  }

  private literal(ch: string | undefined): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(ch === undefined ? 'unexpected end of file, expected a value' : 'expected a value');
  }

  private object(depth: number): void {
    this.pos++;
    this.skipSpace();
    if (this.eat('}')) return;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expected a property name in double quotes');
      this.string();
      this.skipSpace();
      if (!this.eat(':')) this.fail("expected ':' after the property name");
      this.value(depth + 1);
      this.skipSpace();
      if (this.eat('}')) return;
      if (!this.eat(',')) this.fail("expected ',' or '}' after the property value");
    }
  }

  private array(depth: number): void {
    this.pos++;
    this.skipSpace();
    if (this.eat(']')) return;
    for (;;) {
      this.value(depth + 1);
      this.skipSpace();
      if (this.eat(']')) return;
      if (!this.eat(',')) this.fail("expected ',' or ']' after the array element");
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '\n') this.fail('unterminated string');
      if (ch === '"') break;
      if (ch < ' ') this.fail('control character in a string (escape it)');
      if (ch === '\\') this.escape();
      else this.pos++;
    }
    this.pos++;
  }

  private escape(): void {
    const next = this.text[this.pos + 1] ?? '';
    if ('"\\/bfnrt'.includes(next) && next !== '') this.pos += 2;
    else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.pos += 6;
    else this.fail('invalid escape in a string');
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match || match[0] === '-') this.fail('invalid number');
    this.pos += match?.[0].length ?? 0;
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private eat(ch: string): boolean {
    if (this.text[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  private fail(message: string): never {
    throw new SyntaxFailure(this.pos, message);
  }
}
