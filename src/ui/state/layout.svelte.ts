/**
 * How the page is arranged: theme, text size, panel sizes and which panels are collapsed. Remembered in
 * localStorage so a teacher's projector setup survives a reload. Sizes are clamped so no panel can be
 * dragged to nothing or push the topology off screen.
 */
export type PanelId = 'chart' | 'inspector' | 'tables' | 'events' | 'metrics';
export type Theme = 'light' | 'dark';

export const PANEL_TITLES: Readonly<Record<PanelId, string>> = {
  chart: 'Sequence chart',
  inspector: 'Packet inspector',
  tables: 'State tables',
  events: 'Event list',
  metrics: 'Metrics',
};

const STORAGE_KEY = 'pmipv6-playground.layout';

interface Saved {
  theme: Theme;
  bigText: boolean;
  rightWidth: number;
  bottomHeight: number;
  rightSplit: number;
  collapsed: Partial<Record<PanelId, boolean>>;
}

export const LIMITS = {
  rightWidth: { min: 260, max: 900 },
  bottomHeight: { min: 120, max: 700 },
  rightSplit: { min: 0.15, max: 0.85 },
} as const;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export class LayoutState {
  theme: Theme = $state('light');
  bigText = $state(false);
  /** Width of the right column (state tables over the packet inspector), px. */
  rightWidth = $state(440);
  /** Height of the bottom row (sequence chart, event list, metrics), px. */
  bottomHeight = $state(260);
  /** Share of the right column the state tables take. */
  rightSplit = $state(0.5);
  collapsed: Record<PanelId, boolean> = $state({
    chart: false,
    inspector: false,
    tables: false,
    events: false,
    metrics: false,
  });

  readonly #storage: Storage | null;

  constructor(storage: Storage | null, prefersDark = false) {
    this.#storage = storage;
    this.theme = prefersDark ? 'dark' : 'light';
    this.#restore();
  }

  toggleTheme(): void {
    this.theme = this.theme === 'dark' ? 'light' : 'dark';
    this.save();
  }

  toggleBigText(): void {
    this.bigText = !this.bigText;
    this.save();
  }

  toggle(panel: PanelId): void {
    this.collapsed[panel] = !this.collapsed[panel];
    this.save();
  }

  setRightWidth(px: number): void {
    this.rightWidth = clamp(Math.round(px), LIMITS.rightWidth.min, LIMITS.rightWidth.max);
    this.save();
  }

  setBottomHeight(px: number): void {
    this.bottomHeight = clamp(Math.round(px), LIMITS.bottomHeight.min, LIMITS.bottomHeight.max);
    this.save();
  }

  setRightSplit(f: number): void {
    this.rightSplit = clamp(f, LIMITS.rightSplit.min, LIMITS.rightSplit.max);
    this.save();
  }

  save(): void {
    const s: Saved = {
      theme: this.theme,
      bigText: this.bigText,
      rightWidth: this.rightWidth,
      bottomHeight: this.bottomHeight,
      rightSplit: this.rightSplit,
      collapsed: { ...this.collapsed },
    };
    try {
      this.#storage?.setItem(STORAGE_KEY, JSON.stringify(s));
    } catch {
      // Storage full or blocked (private mode): the layout just is not remembered.
    }
  }

  #restore(): void {
    let saved: Partial<Saved> | null;
    try {
      const text = this.#storage?.getItem(STORAGE_KEY);
      saved = text ? (JSON.parse(text) as Partial<Saved>) : null;
    } catch {
      saved = null;
    }
    if (!saved || typeof saved !== 'object') return;
    if (saved.theme === 'light' || saved.theme === 'dark') this.theme = saved.theme;
    if (typeof saved.bigText === 'boolean') this.bigText = saved.bigText;
    if (typeof saved.rightWidth === 'number')
      this.rightWidth = clamp(saved.rightWidth, LIMITS.rightWidth.min, LIMITS.rightWidth.max);
    if (typeof saved.bottomHeight === 'number')
      this.bottomHeight = clamp(saved.bottomHeight, LIMITS.bottomHeight.min, LIMITS.bottomHeight.max);
    if (typeof saved.rightSplit === 'number')
      this.rightSplit = clamp(saved.rightSplit, LIMITS.rightSplit.min, LIMITS.rightSplit.max);
    if (saved.collapsed && typeof saved.collapsed === 'object') {
      for (const id of Object.keys(PANEL_TITLES) as PanelId[]) {
        if (typeof saved.collapsed[id] === 'boolean') this.collapsed[id] = saved.collapsed[id] as boolean;
      }
    }
  }
}
