/**
 * The Cytoscape stylesheet, built from the theme's CSS variables so the graph follows light/dark. Each role
 * has its own shape, colour and glyph (drawn here as tiny SVGs) so a learner tells an LMA from a MAG at a
 * glance; MAG access areas are translucent circles under everything; tunnels arc over the wired links.
 */
import type { StylesheetJson } from 'cytoscape';

export interface ThemeColors {
  readonly text: string;
  readonly surface: string;
  readonly link: string;
  readonly area: string;
  readonly areaBorder: string;
  readonly tunnel: string;
  readonly danger: string;
  readonly focus: string;
  readonly roles: Readonly<Record<'lma' | 'mag' | 'mn' | 'cn' | 'router' | 'aaa' | 'host', string>>;
}

/**
 * A CSS colour as Cytoscape takes it: Cytoscape reads neither 8-digit hex nor every rgba() form, so the
 * alpha is split off into its own opacity property.
 */
export function splitAlpha(css: string): { color: string; alpha: number } {
  const hex = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(css.trim());
  if (hex) return { color: `#${hex[1]}`, alpha: hex[2] ? parseInt(hex[2], 16) / 255 : 1 };
  const rgba = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(
    css.trim(),
  );
  if (rgba) {
    const a =
      rgba[4] === undefined ? 1 : rgba[4].endsWith('%') ? parseFloat(rgba[4]) / 100 : parseFloat(rgba[4]);
    return { color: `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})`, alpha: a };
  }
  return { color: css.trim(), alpha: 1 };
}

/** Reads the theme from CSS custom properties on <html>. */
export function readThemeColors(el: Element = document.documentElement): ThemeColors {
  const css = getComputedStyle(el);
  const v = (name: string): string => css.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    surface: v('--surface'),
    link: v('--link'),
    area: v('--area'),
    areaBorder: v('--area-border'),
    tunnel: v('--tunnel'),
    danger: v('--danger'),
    focus: v('--focus'),
    roles: {
      lma: v('--role-lma'),
      mag: v('--role-mag'),
      mn: v('--role-mn'),
      cn: v('--role-cn'),
      router: v('--role-router'),
      aaa: v('--role-aaa'),
      host: v('--role-cn'),
    },
  };
}

/** White glyphs on the role colour, 24×24. */
const GLYPHS: Readonly<Record<string, string>> = {
  // An anchor: the LMA is the mobility anchor.
  lma: '<circle cx="12" cy="5" r="2"/><path d="M12 7v13M7 11h10M4 14a8 8 0 0 0 16 0"/>',
  // An antenna with waves: the MAG is the access router.
  mag: '<path d="M12 10v11M9 21h6"/><circle cx="12" cy="9" r="1.6"/><path d="M8.5 5.5a5 5 0 0 0 0 7M15.5 5.5a5 5 0 0 1 0 7M6 3a8.5 8.5 0 0 0 0 12M18 3a8.5 8.5 0 0 1 0 12"/>',
  // A phone.
  mn: '<rect x="7" y="3" width="10" height="18" rx="2"/><path d="M11 18h2"/>',
  // A screen.
  cn: '<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M9 20h6M12 16v4"/>',
  host: '<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M9 20h6M12 16v4"/>',
  // Crossed arrows: a router.
  router:
    '<path d="M4 12h16M12 4v16M4 12l3-3M4 12l3 3M20 12l-3-3M20 12l-3 3M12 4l-3 3M12 4l3 3M12 20l-3-3M12 20l3-3"/>',
  // A key: the policy store.
  aaa: '<circle cx="8" cy="12" r="3.5"/><path d="M11.5 12H21M18 12v3M15.5 12v2"/>',
};

export function glyphUri(kind: string): string {
  const body = GLYPHS[kind] ?? GLYPHS.host;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="48" height="48" fill="none" stroke="#ffffff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

const SIZE: Readonly<Record<string, [number, number, string]>> = {
  lma: [62, 46, 'round-rectangle'],
  mag: [50, 50, 'round-hexagon'],
  mn: [34, 34, 'ellipse'],
  cn: [46, 38, 'round-rectangle'],
  host: [46, 38, 'round-rectangle'],
  router: [40, 40, 'ellipse'],
  aaa: [46, 38, 'barrel'],
};

export function topologyStyle(c: ThemeColors, fontScale = 1): StylesheetJson {
  const fs = (px: number) => Math.round(px * fontScale);
  const area = splitAlpha(c.area);
  const areaBorder = splitAlpha(c.areaBorder);
  const roleStyles = Object.entries(SIZE).map(([kind, [w, h, shape]]) => ({
    selector: `node.${kind}`,
    style: {
      width: w,
      height: h,
      shape,
      'background-color': c.roles[kind as keyof ThemeColors['roles']],
      'background-image': glyphUri(kind),
      'background-width': '62%',
      'background-height': '62%',
    },
  }));
  return [
    {
      selector: 'node.node',
      style: {
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'font-size': fs(12.5),
        'font-family': 'system-ui, sans-serif',
        color: c.text,
        'text-background-color': c.surface,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'border-width': 2,
        'border-color': c.surface,
        'z-index-compare': 'manual',
        'z-index': 20,
        'line-height': 1.25,
        // Labels smaller than this on screen are not drawn: a city seen whole is 2000 unreadable labels.
        'min-zoomed-font-size': 7,
      },
    },
    ...roleStyles,
    {
      selector: 'node.mn',
      style: {
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 7,
        'text-margin-y': 0,
        'text-justification': 'left',
        'z-index': 30,
      },
    },
    // A crowd of MNs: small dots, named only when zoomed in far enough to read them.
    {
      selector: 'node.mn.crowd',
      style: {
        width: 16,
        height: 16,
        'border-width': 1,
        'min-zoomed-font-size': 18,
        // No glyph: a city seen whole draws its MNs a few pixels wide, and 2,000 images are the slowest
        // part of Cytoscape's redraw after the graph changes.
        'background-image': 'none',
      },
    },
    { selector: 'node.mn:grabbed', style: { 'border-color': c.focus, 'border-width': 3 } },
    { selector: 'node.node:selected', style: { 'border-color': c.focus, 'border-width': 3 } },
    {
      selector: 'node.area',
      style: {
        width: 'data(d)',
        height: 'data(d)',
        shape: 'ellipse',
        'background-color': area.color,
        'background-opacity': area.alpha,
        'border-width': 1.5,
        'border-style': 'dashed',
        'border-color': areaBorder.color,
        'border-opacity': areaBorder.alpha,
        events: 'no',
        'z-index-compare': 'manual',
        'z-index': 0,
      },
    },
    {
      selector: 'node.area.target',
      style: { 'border-width': 3, 'border-style': 'solid', 'border-color': c.focus, 'border-opacity': 1 },
    },
    {
      selector: 'edge.link',
      style: {
        width: 2.5,
        'line-color': c.link,
        'curve-style': 'straight',
        label: 'data(label)',
        'font-size': fs(10.5),
        color: c.text,
        'text-rotation': 'autorotate',
        'text-background-color': c.surface,
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'z-index-compare': 'manual',
        'z-index': 5,
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge.link.down', style: { 'line-style': 'dashed', 'line-color': c.danger } },
    {
      selector: 'edge.attach',
      style: {
        width: 2,
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'line-color': c.roles.mn,
        'curve-style': 'straight',
        'z-index-compare': 'manual',
        'z-index': 6,
      },
    },
    // A crowd (elements.ts, CROWD): straight solid lines, the cheapest edges Cytoscape draws.
    {
      selector: 'edge.plain',
      style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'line-style': 'solid' },
    },
    {
      selector: 'edge.tunnel',
      style: {
        width: 6,
        'line-color': c.tunnel,
        opacity: 0.55,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-38],
        'control-point-weights': [0.5],
        label: 'data(label)',
        'font-size': fs(10.5),
        'font-weight': 'bold',
        color: c.tunnel,
        'text-background-color': c.surface,
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'z-index-compare': 'manual',
        'z-index': 7,
      },
    },
  ] as unknown as StylesheetJson;
}
