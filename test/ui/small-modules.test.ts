/** Keyboard shortcuts, form checks, layout persistence, packet drawing geometry and colour parsing. */
import { describe, expect, it } from 'vitest';
import {
  checkBandwidth,
  checkDuration,
  checkInteger,
  checkLossPercent,
  checkMnId,
  checkNodeId,
  checkPrefixes,
} from '../../src/ui/edit/form-checks';
import { shortcutFor } from '../../src/ui/keyboard';
import type { KeyLike } from '../../src/ui/keyboard';
import { LayoutState } from '../../src/ui/state/layout.svelte';
import { lookOf, placeDrop, placeOnHop, shortLabel } from '../../src/ui/topology/packet-painter';
import { splitAlpha } from '../../src/ui/topology/style';

const el = (tagName: string, role: string | null = null) =>
  ({
    tagName,
    isContentEditable: false,
    getAttribute: (n: string) => (n === 'role' ? role : null),
  }) as unknown as EventTarget;
const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: el('DIV'),
  ...extra,
});

describe('keyboard shortcuts', () => {
  it('maps keys to commands', () => {
    expect(shortcutFor(key(' '))).toBe('toggle-play');
    expect(shortcutFor(key('ArrowRight'))).toBe('step');
    expect(shortcutFor(key('ArrowLeft'))).toBe('step-back');
    expect(shortcutFor(key('ArrowRight', { shiftKey: true }))).toBe('next-signalling');
    expect(shortcutFor(key('ArrowLeft', { shiftKey: true }))).toBe('previous-signalling');
    expect(shortcutFor(key('Home'))).toBe('restart');
    expect(shortcutFor(key('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(key('m'))).toBe('move-mn');
    expect(shortcutFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(key('y', { metaKey: true }))).toBe('redo');
    expect(shortcutFor(key('Escape'))).toBe('close');
    expect(shortcutFor(key('x'))).toBeNull();
    expect(shortcutFor(key('ArrowRight', { altKey: true }))).toBeNull();
  });

  it('leaves typing, sliders, menus and button presses alone', () => {
    expect(shortcutFor(key('ArrowRight', { target: el('INPUT') }))).toBeNull();
    expect(shortcutFor(key('m', { target: el('TEXTAREA') }))).toBeNull();
    expect(shortcutFor(key('ArrowLeft', { target: el('DIV', 'slider') }))).toBeNull();
    expect(shortcutFor(key('ArrowDown', { target: el('BUTTON', 'menuitem') }))).toBeNull();
    expect(shortcutFor(key(' ', { target: el('BUTTON') }))).toBeNull();
    expect(shortcutFor(key('ArrowRight', { target: el('BUTTON') }))).toBe('step');
    expect(shortcutFor(key('Escape', { target: el('INPUT') }))).toBe('close');
  });
});

describe('form checks', () => {
  it('accepts good input and says how to fix bad input', () => {
    expect(checkNodeId(' mag3 ', ['mag1'])).toEqual({ value: 'mag3' });
    expect(checkNodeId('mag1', ['mag1']).error).toBe(
      '"mag1" is already used by another node; pick a new id.',
    );
    expect(checkNodeId('mag 3', []).error).toMatch(/^Use letters, digits/);
    expect(checkNodeId('', []).error).toBe('Give the node an id, e.g. "mag3".');
    expect(checkDuration('1.5 s')).toEqual({ value: '1.5s' });
    expect(checkDuration('5').error).toBe('Write a duration with its unit, e.g. "5ms", "1.5s" or "250us".');
    expect(checkBandwidth('')).toEqual({ value: undefined });
    expect(checkBandwidth('100 Mbps')).toEqual({ value: '100Mbps' });
    expect(checkBandwidth('fast').error).toMatch(/^Write a bandwidth/);
    expect(checkLossPercent('2.5')).toEqual({ value: 0.025 });
    expect(checkLossPercent('')).toEqual({ value: 0 });
    expect(checkLossPercent('120').error).toBe('Loss is a percentage from 0 to 100, e.g. "2.5".');
    expect(checkInteger('3', 1, 16)).toEqual({ value: 3 });
    expect(checkInteger('3.5', 1, 16).error).toBe('Write a whole number from 1 to 16.');
    expect(checkInteger('20', 1, 16).error).toBe('Must be from 1 to 16, not 20.');
    expect(checkPrefixes('allocate')).toEqual({ value: 'allocate' });
    expect(checkPrefixes('2001:db8:1:1::/64, 2001:db8:1:2::/64')).toEqual({
      value: ['2001:db8:1:1::/64', '2001:db8:1:2::/64'],
    });
    expect(checkPrefixes('2001:db8:1:1::').error).toMatch(/^"2001:db8:1:1::" is not a prefix/);
    expect(checkMnId('').error).toMatch(/^The MN-Identifier is an NAI/);
  });
});

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe('layout state', () => {
  it('clamps sizes, remembers them, and ignores garbage in storage', () => {
    const store = new MemoryStorage();
    const a = new LayoutState(store as unknown as Storage, false);
    expect(a.theme).toBe('light');
    a.setRightWidth(5000);
    a.setBottomHeight(10);
    a.setRightSplit(0.5);
    a.toggle('metrics');
    a.toggleTheme();
    expect([a.rightWidth, a.bottomHeight, a.collapsed.metrics, a.theme]).toEqual([900, 120, true, 'dark']);
    const b = new LayoutState(store as unknown as Storage, false);
    expect([
      b.rightWidth,
      b.bottomHeight,
      b.rightSplit,
      b.collapsed.metrics,
      b.collapsed.chart,
      b.theme,
    ]).toEqual([900, 120, 0.5, true, false, 'dark']);
    store.setItem('pmipv6-playground.layout', '{"rightWidth": "wide", "theme": "purple"');
    const c = new LayoutState(store as unknown as Storage, true);
    expect([c.rightWidth, c.theme]).toEqual([440, 'dark']);
  });
});

describe('packet drawing', () => {
  it('chooses the look from the label and class', () => {
    expect(lookOf({ cls: 'signalling', label: 'PBU seq=1 HI=1' })).toBe('pbu');
    expect(lookOf({ cls: 'signalling', label: 'PBA status=0' })).toBe('pba');
    expect(lookOf({ cls: 'signalling', label: 'HB req' })).toBe('mh');
    expect(lookOf({ cls: 'data', label: 'ping req seq=3' })).toBe('data');
    expect(lookOf({ cls: 'nd', label: 'RA' })).toBe('nd');
    expect(lookOf({ cls: 'icmp-error', label: 'Time Exceeded' })).toBe('error');
  });

  it('moves a packet linearly along its hop and places drops near the dropping node', () => {
    const tx = { t: 1000, arrive: 3000 };
    expect(placeOnHop(tx, 1000, { x: 0, y: 0 }, { x: 100, y: 50 })).toEqual({ x: 0, y: 0 });
    expect(placeOnHop(tx, 2500, { x: 0, y: 0 }, { x: 100, y: 50 })).toEqual({ x: 75, y: 37.5 });
    expect(placeOnHop(tx, 9999, { x: 0, y: 0 }, { x: 100, y: 50 })).toEqual({ x: 100, y: 50 });
    const pos = (id: string) => ({ a: { x: 0, y: 0 }, b: { x: 100, y: 0 } })[id] ?? null;
    expect(placeDrop({ node: 'b' }, { node: 'a', to: 'b' }, pos)).toEqual({ x: 80, y: 0 });
    expect(placeDrop({ node: 'b' }, null, pos)).toEqual({ x: 100, y: 0 });
    expect(placeDrop({ node: 'zz' }, null, pos)).toBeNull();
    expect(shortLabel('PBU seq=3 HI=3')).toBe('PBU seq=3 HI=3');
    expect(shortLabel('PBA status=130 (insufficient)')).toBe('PBA status=130 (i…');
  });

  it('splits CSS colours into a colour and an opacity Cytoscape understands', () => {
    expect(splitAlpha('#0b62c414')).toEqual({ color: '#0b62c4', alpha: 0x14 / 255 });
    expect(splitAlpha('rgba(11, 98, 196, 0.45)')).toEqual({ color: 'rgb(11, 98, 196)', alpha: 0.45 });
    expect(splitAlpha('rgb(1 2 3 / 50%)')).toEqual({ color: 'rgb(1, 2, 3)', alpha: 0.5 });
    expect(splitAlpha('#123456')).toEqual({ color: '#123456', alpha: 1 });
  });
});
