/**
 * Where a JSON text goes wrong, as a line and column, in words a newcomer can act on ("JSON allows no
 * comma before }"). JSON.parse does the parsing; this scanner runs only after it failed, because engines
 * word their errors differently and Node 20 often gives no position at all. Iterative (an explicit stack),
 * so deeply nested garbage cannot overflow the call stack.
 */

export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

const showChar = (ch: string): string =>
  ch === "'" ? `"'" (JSON strings and keys need double quotes)` : JSON.stringify(ch);

/** End offset of the string starting at `i` (a quote), or an error. */
function scanString(text: string, i: number): number | { at: number; message: string } {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    if (ch === 0x22) return j + 1;
    if (ch < 0x20)
      return { at: j, message: 'a line break or control character inside a string; write it as \\n' };
    if (ch !== 0x5c) continue;
    const next = text[j + 1] ?? '';
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 5;
    else if (next !== '' && ESCAPES.includes(next)) j += 1;
    else if (next === '') break;
    else if (next.charCodeAt(0) < 0x20)
      return {
        at: j,
        message: 'a backslash before a line break or control character; write \\\\ for a backslash',
      };
    else return { at: j, message: `"\\${next}" is not a JSON escape (use \\\\ for a backslash)` };
  }
  return { at: i, message: 'this string is never closed with a double quote' };
}

/** End offset of the number or literal at `i`, or -1. */
function scanScalar(text: string, i: number): number {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(text) ? NUMBER.lastIndex : -1;
}

function previousNonSpace(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && ' \t\n\r'.includes(text[j])) j--;
  return j >= 0 ? text[j] : '';
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  const fail = (at: number, message: string): JsonSyntaxError => ({ ...lineColumn(text, at), message });
  const afterValue = (): State => (stack.length === 0 ? 'end' : 'after-value');
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
    if (i >= text.length) {
      if (state === 'end') return null;
      const closer = stack.length ? `; a "${stack[stack.length - 1] === '{' ? '}' : ']'}" is missing` : '';
      return fail(i, `the text ends too early${closer}`);
    }
    const ch = text[i];
    if (state === 'end') return fail(i, `unexpected ${showChar(ch)} after the end of the document`);
    if (state === 'colon') {
      if (ch !== ':') return fail(i, `expected ":" after the key, found ${showChar(ch)}`);
      i++;
      state = 'value';
    } else if (state === 'after-value') {
      const top = stack[stack.length - 1];
      const closer = top === '{' ? '}' : ']';
      if (ch === ',') state = top === '{' ? 'key' : 'value';
      else if (ch === closer) {
        stack.pop();
        state = afterValue();
      } else return fail(i, `expected "," or "${closer}", found ${showChar(ch)}`);
      i++;
    } else if (state === 'key' || state === 'key-or-close') {
      if (ch === '}' && state === 'key-or-close') {
        stack.pop();
        i++;
        state = afterValue();
        continue;
      }
      if (ch === '}') return fail(i, 'a comma before "}"; JSON allows no trailing comma');
      if (ch !== '"') return fail(i, `expected a key in double quotes, found ${showChar(ch)}`);
      const end = scanString(text, i);
      if (typeof end !== 'number') return fail(end.at, end.message);
      i = end;
      state = 'colon';
    } else {
      if (ch === ']' && state === 'value-or-close') {
        stack.pop();
        i++;
        state = afterValue();
        continue;
      }
      if ((ch === ']' || ch === '}') && previousNonSpace(text, i) === ',') {
        return fail(i, `a comma before "${ch}"; JSON allows no trailing comma`);
      }
      if (ch === '{' || ch === '[') {
        stack.push(ch);
        i++;
        state = ch === '{' ? 'key-or-close' : 'value-or-close';
        continue;
      }
      if (ch === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.at, end.message);
        i = end;
      } else {
        const end = scanScalar(text, i);
        if (end < 0)
          return fail(
            i,
            `expected a value (text in double quotes, a number, true, false, null, { or [), found ${showChar(ch)}`,
          );
        i = end;
      }
      state = afterValue();
    }
  }
}
