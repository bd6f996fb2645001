import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/sim/scenario/json-syntax';

describe('findJsonSyntaxError', () => {
  const cases: [string, { line: number; column: number; message: string } | null][] = [
    ['{"a": [1, 2.5e3, "x", true, false, null, {}]}', null],
    ['  {\n"a":\t1 }\n', null],
    ['{"a": 1,}', { line: 1, column: 9, message: 'a comma before "}"; JSON allows no trailing comma' }],
    ['[1, 2,]', { line: 1, column: 7, message: 'a comma before "]"; JSON allows no trailing comma' }],
    ['{\n  "a": 1\n  "b": 2\n}', { line: 3, column: 3, message: 'expected "," or "}", found "\\""' }],
    [
      "{'a': 1}",
      {
        line: 1,
        column: 2,
        message: `expected a key in double quotes, found "'" (JSON strings and keys need double quotes)`,
      },
    ],
    ['{"a" 1}', { line: 1, column: 6, message: 'expected ":" after the key, found "1"' }],
    ['[1, 2', { line: 1, column: 6, message: 'the text ends too early; a "]" is missing' }],
    ['', { line: 1, column: 1, message: 'the text ends too early' }],
    [
      '{"a": "x\ny"}',
      { line: 1, column: 9, message: 'a line break or control character inside a string; write it as \\n' },
    ],
    [
      '{"a": "\\q"}',
      { line: 1, column: 8, message: '"\\q" is not a JSON escape (use \\\\ for a backslash)' },
    ],
    ['{"a": "open', { line: 1, column: 7, message: 'this string is never closed with a double quote' }],
    [
      '{"a": tru}',
      {
        line: 1,
        column: 7,
        message: 'expected a value (text in double quotes, a number, true, false, null, { or [), found "t"',
      },
    ],
    ['{"a":1} x', { line: 1, column: 9, message: 'unexpected "x" after the end of the document' }],
    [
      '{"a": ]',
      {
        line: 1,
        column: 7,
        message: 'expected a value (text in double quotes, a number, true, false, null, { or [), found "]"',
      },
    ],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => expect(findJsonSyntaxError(text)).toEqual(expected));
  }

  it('agrees with JSON.parse on what is valid, for seeded random texts', () => {
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
    const alphabet = '{}[]:,"\\ \n0123456789.-+eEtrufalsn"ab';
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = next() % 20;
      for (let i = 0; i < len; i++) text += alphabet[next() % alphabet.length];
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(text) === null, text).toBe(valid);
    }
  });

  it('handles nesting far deeper than the call stack would allow', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(findJsonSyntaxError(deep)).toEqual({
      line: 1,
      column: 400_000,
      message: 'the text ends too early; a "]" is missing',
    });
  });
});
