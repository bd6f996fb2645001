import { describe, expect, it } from 'vitest';
import { Trace, entryToJson, tryParseJsonLines } from '../../src/sim/core/trace';
import type { TraceEntry } from '../../src/sim/core/trace-types';

function sampleTrace(): Trace {
  const tr = new Trace();
  tr.add(0, { kind: 'l2', node: 'mag1', event: 'attach', mn: 'mn1', iface: 'wlan0', mag: 'mag1' });
  tr.add(1500, {
    kind: 'tx',
    node: 'mag1',
    pid: 7,
    link: 'mag1-lma',
    to: 'lma',
    arrive: 2500,
    bytes: new Uint8Array([0x60, 0x00, 0xab, 0xff, 0x0a]),
    cls: 'signalling',
    label: 'PBU seq=1',
    tunnelled: false,
  });
  tr.add(2500, {
    kind: 'table',
    node: 'lma',
    table: 'bce',
    key: 'mn1',
    op: 'add',
    row: { hnp: '2001:db8:1::/64', lifetime: 3600, tags: ['a', 'b'], proxy: true, gre: null },
  });
  tr.add(2500, {
    kind: 'drop',
    node: 'lma',
    pid: 8,
    reason: 'no route',
    rfc: 'RFC 4443 §3.1',
    bytes: new Uint8Array(0),
  });
  tr.add(3000, {
    kind: 'decision',
    node: 'lma',
    text: 'accept "PBU"\nnow',
    rfc: 'RFC 5213 §5.3.1',
    tag: 'pbu-accepted',
  });
  return tr;
}

describe('Trace', () => {
  it('gives each entry its index as id and keeps them in order', () => {
    const tr = sampleTrace();
    expect(tr.length).toBe(5);
    expect(tr.entries.map((e) => [e.id, e.t, e.kind])).toEqual([
      [0, 0, 'l2'],
      [1, 1500, 'tx'],
      [2, 2500, 'table'],
      [3, 2500, 'drop'],
      [4, 3000, 'decision'],
    ]);
    expect(tr.at(2)).toBe(tr.entries[2]);
  });

  it('add returns the stored entry', () => {
    const tr = new Trace();
    const e = tr.add(42, { kind: 'action', node: '', action: 'move', detail: 'mn1 to mag2' });
    expect(e).toEqual({ id: 0, t: 42, kind: 'action', node: '', action: 'move', detail: 'mn1 to mag2' });
    expect(tr.at(0)).toBe(e);
  });

  it('at() rejects ids it does not hold', () => {
    const tr = sampleTrace();
    for (const bad of [-1, 5, 1.5, Number.NaN]) expect(() => tr.at(bad)).toThrow(RangeError);
  });

  it('writes one JSON object per line, keys id, t, then as added, bytes as lowercase hex', () => {
    const text = sampleTrace().toJsonLines();
    expect(text.split('\n')).toEqual([
      '{"id":0,"t":0,"kind":"l2","node":"mag1","event":"attach","mn":"mn1","iface":"wlan0","mag":"mag1"}',
      '{"id":1,"t":1500,"kind":"tx","node":"mag1","pid":7,"link":"mag1-lma","to":"lma","arrive":2500,"bytes":"6000abff0a","cls":"signalling","label":"PBU seq=1","tunnelled":false}',
      '{"id":2,"t":2500,"kind":"table","node":"lma","table":"bce","key":"mn1","op":"add","row":{"hnp":"2001:db8:1::/64","lifetime":3600,"tags":["a","b"],"proxy":true,"gre":null}}',
      '{"id":3,"t":2500,"kind":"drop","node":"lma","pid":8,"reason":"no route","rfc":"RFC 4443 §3.1","bytes":""}',
      '{"id":4,"t":3000,"kind":"decision","node":"lma","text":"accept \\"PBU\\"\\nnow","rfc":"RFC 5213 §5.3.1","tag":"pbu-accepted"}',
      '',
    ]);
  });

  it('serialises a range of entries, and an empty trace as ""', () => {
    const tr = sampleTrace();
    expect(tr.toJsonLines(3)).toBe(entryToJson(tr.at(3)) + '\n' + entryToJson(tr.at(4)) + '\n');
    expect(tr.toJsonLines(1, 2)).toBe(entryToJson(tr.at(1)) + '\n');
    expect(new Trace().toJsonLines()).toBe('');
  });

  it('does not modify the entry when it writes bytes as hex', () => {
    const tr = sampleTrace();
    tr.toJsonLines();
    expect((tr.at(1) as Extract<TraceEntry, { kind: 'tx' }>).bytes).toEqual(
      new Uint8Array([0x60, 0x00, 0xab, 0xff, 0x0a]),
    );
  });

  it('round-trips through parseJsonLines, with bytes back as Uint8Array', () => {
    const tr = sampleTrace();
    const back = Trace.parseJsonLines(tr.toJsonLines());
    expect(back).toEqual(tr.entries);
    const tx = back[1] as Extract<TraceEntry, { kind: 'tx' }>;
    expect(tx.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(tx.bytes)).toEqual([0x60, 0x00, 0xab, 0xff, 0x0a]);
  });

  it('parses with blank lines and CRLF line ends', () => {
    const lines = sampleTrace().toJsonLines().trim().split('\n');
    const back = Trace.parseJsonLines('\n' + lines.join('\r\n\r\n') + '\r\n');
    expect(back.map((e) => e.id)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('tryParseJsonLines errors', () => {
  const good = '{"id":0,"t":0,"kind":"action","node":"","action":"a","detail":"d"}';

  it.each([
    ['not JSON', `${good}\n{"id":1,`, 'json', 2],
    ['an array', `[1,2]`, 'entry', 1],
    ['a missing kind', `${good}\n${good}\n{"id":2,"t":5,"node":"x"}`, 'kind', 3],
    ['a string id', `{"id":"0","t":0,"kind":"a","node":""}`, 'id', 1],
    ['odd-length hex', `{"id":0,"t":0,"kind":"tx","node":"","bytes":"abc"}`, 'bytes', 1],
    ['upper-case hex', `{"id":0,"t":0,"kind":"tx","node":"","bytes":"AB"}`, 'bytes', 1],
    ['non-string bytes', `{"id":0,"t":0,"kind":"tx","node":"","bytes":[1]}`, 'bytes', 1],
  ])('reports %s with the field and the line number', (_what, text, field, line) => {
    const r = tryParseJsonLines(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.layer).toBe('trace');
    expect(r.error.field).toBe(field);
    expect(r.error.offset).toBe(line);
    expect(r.error.message).toContain(`line ${line}`);
  });

  it('parseJsonLines throws the same error as text', () => {
    expect(() => Trace.parseJsonLines('oops')).toThrow(/^trace: line 1 is not JSON/);
  });
});

describe('Trace storage', () => {
  it('append stores an entry built whole, and refuses one with the wrong id', () => {
    const tr = new Trace();
    tr.add(1, { kind: 'action', node: '', action: 'move', detail: 'x' });
    const e = tr.append({ id: 1, t: 2, kind: 'timer-fired', node: 'mag1', timer: 'refresh', timerId: 4 });
    expect(tr.at(1)).toBe(e);
    expect(() =>
      tr.append({ id: 5, t: 2, kind: 'timer-fired', node: 'mag1', timer: 'refresh', timerId: 4 }),
    ).toThrow(RangeError);
    expect(tr.length).toBe(2);
    expect(tr.toJsonLines(1)).toBe(
      '{"id":1,"t":2,"kind":"timer-fired","node":"mag1","timer":"refresh","timerId":4}\n',
    );
  });

  it('add makes plain objects with the fields in the order given, whatever the kind', () => {
    const tr = new Trace();
    const rows = [
      tr.add(5, {
        kind: 'decision',
        node: 'lma',
        text: 'a' + 'b'.repeat(20),
        rfc: 'RFC 5213 §5.3.1',
        tag: 't',
        data: { n: 1, s: 'x'.repeat(3) + 'y' },
      }),
      tr.add(6, { node: 'mag1', kind: 'table', table: 'bul', key: 'k', op: 'delete', row: null } as const),
      tr.add(7, { kind: 'decision', node: 'lma', text: 'short', rfc: 'RFC 5213 §5.3.1' }),
    ];
    for (const e of rows) {
      expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
      expect(e.constructor).toBe(Object);
    }
    expect(Object.keys(rows[1])).toEqual(['id', 't', 'node', 'kind', 'table', 'key', 'op', 'row']);
    expect(rows[0]).toStrictEqual({
      id: 0,
      t: 5,
      kind: 'decision',
      node: 'lma',
      text: `a${'b'.repeat(20)}`,
      rfc: 'RFC 5213 §5.3.1',
      tag: 't',
      data: { n: 1, s: 'xxxy' },
    });
    expect(structuredClone(rows[2])).toStrictEqual({
      id: 2,
      t: 7,
      kind: 'decision',
      node: 'lma',
      text: 'short',
      rfc: 'RFC 5213 §5.3.1',
    });
  });
});
