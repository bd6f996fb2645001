/**
 * Keyboard shortcuts of the playground (listed in the help overlay). A key press maps to a command name;
 * App.svelte runs it. Keys typed into form fields, and Space on a button (which presses the button), are
 * left alone.
 */
export type ShortcutCommand =
  | 'toggle-play'
  | 'step'
  | 'step-back'
  | 'next-signalling'
  | 'previous-signalling'
  | 'restart'
  | 'help'
  | 'undo'
  | 'redo'
  | 'move-mn'
  | 'close';

export interface KeyLike {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly target: EventTarget | null;
}

/** The shortcuts as the help overlay shows them. */
export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: ['Space'], what: 'Play / pause' },
  { keys: ['→'], what: 'Step one event forward' },
  { keys: ['←'], what: 'Step one event back' },
  { keys: ['Shift', '→'], what: 'Next signalling message' },
  { keys: ['Shift', '←'], what: 'Previous signalling message' },
  { keys: ['Home'], what: 'Restart from the beginning' },
  { keys: ['M'], what: 'Move a mobile node to another MAG (handover)' },
  { keys: ['Ctrl', 'Z'], what: 'Undo an edit or a move' },
  { keys: ['Ctrl', 'Shift', 'Z'], what: 'Redo' },
  { keys: ['?'], what: 'Show this help' },
  { keys: ['Esc'], what: 'Close a dialog or menu' },
];

function isTextEntry(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
  if (tag === 'input') return true;
  const role = el.getAttribute?.('role');
  return (
    role === 'slider' ||
    role === 'separator' ||
    role === 'menuitem' ||
    role === 'menuitemradio' ||
    role === 'textbox'
  );
}

function isPressable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'button' || tag === 'a' || tag === 'summary';
}

export function shortcutFor(e: KeyLike): ShortcutCommand | null {
  if (e.key === 'Escape') return 'close';
  if (isTextEntry(e.target)) return null;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && (e.key === 'z' || e.key === 'Z')) return e.shiftKey ? 'redo' : 'undo';
  if (mod && !e.altKey && (e.key === 'y' || e.key === 'Y')) return 'redo';
  if (mod || e.altKey) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return isPressable(e.target) ? null : 'toggle-play';
    case 'ArrowRight':
      return e.shiftKey ? 'next-signalling' : 'step';
    case 'ArrowLeft':
      return e.shiftKey ? 'previous-signalling' : 'step-back';
    case 'Home':
      return 'restart';
    case '?':
      return 'help';
    case 'm':
    case 'M':
      return 'move-mn';
    default:
      return null;
  }
}
