import { describe, expect, it } from 'vitest';
import { ByteArena } from '../../src/sim/core/byte-arena';

describe('ByteArena', () => {
  it('copies bytes into views that later allocations never touch', () => {
    const arena = new ByteArena();
    const views: Uint8Array[] = [];
    // Enough to fill several chunks (16 KiB growing to 256 KiB) with packets of varied sizes.
    for (let i = 0; i < 12_000; i++) {
      const src = Uint8Array.from({ length: 40 + (i % 97) }, (_, k) => (i * 7 + k) & 0xff);
      views.push(arena.copy(src));
    }
    views.forEach((v, i) => {
      expect(v.length).toBe(40 + (i % 97));
      expect(v[0]).toBe((i * 7) & 0xff);
      expect(v[v.length - 1]).toBe((i * 7 + v.length - 1) & 0xff);
    });
    expect(new Set(views.map((v) => v.buffer)).size).toBeGreaterThan(1);
  });

  it('hands out zeroed space at 8-byte aligned offsets, shared chunks for small blocks', () => {
    const arena = new ByteArena();
    const a = arena.alloc(13);
    const b = arena.alloc(40);
    expect(Array.from(a)).toEqual(new Array(13).fill(0));
    expect([a.byteOffset % 8, b.byteOffset % 8, b.byteOffset - a.byteOffset]).toEqual([0, 0, 16]);
    expect(b.buffer).toBe(a.buffer);
    a.fill(0xff);
    expect(Array.from(b)).toEqual(new Array(40).fill(0));
  });

  it('gives a large block a buffer of its own', () => {
    const arena = new ByteArena();
    const small = arena.alloc(100);
    const big = arena.copy(new Uint8Array(65_535).fill(3));
    expect(big.buffer).not.toBe(small.buffer);
    expect([big.byteOffset, big.length, big[65_534]]).toEqual([0, 65_535, 3]);
    expect(arena.alloc(8).buffer).toBe(small.buffer); // the chunk in use goes on
  });

  it('starts small and fits a block larger than the chunk it would have used', () => {
    const arena = new ByteArena();
    const first = arena.alloc(40);
    expect(first.buffer.byteLength).toBe(16 * 1024);
    const mid = arena.copy(new Uint8Array(20_000).fill(9)); // over the first chunk, under "large"
    expect([mid.length, mid[0], mid[19_999], mid.buffer === first.buffer]).toEqual([20_000, 9, 9, false]);
    expect(mid.buffer.byteLength).toBeGreaterThanOrEqual(20_000);
  });
});
