// How the core puts a value into the page, behind one small interface. The core decides WHAT to
// fill (discovery, answer policy, option matching, read-back) and hands each gesture to the input
// driver: the synthetic one dispatches DOM events in the page (the extension, which has no trusted
// input), the host one asks a Playwright host to perform the gesture with real input (`isTrusted`
// events, which some ATS pages require). The host installs its driver once per document.
import type { FilePayload } from './types.ts';

/** Keys the core presses on a focused control. */
export type DriverKey = 'Escape' | 'ArrowDown';

export interface InputDriver {
  /** Clicks the element (pointer and mouse sequence, focus, click). */
  click(el: HTMLElement): Promise<void>;
  /**
   * Clicks with the platform's add-to-selection modifier held (Ctrl, ⌘ on a Mac): toggles one
   * option of a native multi-select and leaves the others as they are.
   */
  clickToAdd(el: HTMLElement): Promise<void>;
  /**
   * Replaces the control's text with `text` as one edit: focus, select all, insert. A native
   * date, time, month or datetime-local input takes its value as the input's own format
   * ("2027-01-15", "14:30", "2027-01", "2027-01-15T14:30").
   */
  fill(el: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void>;
  /** Clears the control, then types `text` one key at a time (autocompletes, spinbuttons). */
  type(el: HTMLInputElement, text: string): Promise<void>;
  /** Chooses the option of a native select whose value is `value`. */
  select(el: HTMLSelectElement, value: string): Promise<void>;
  /** Presses `key` in the control (or whatever took the focus from it). */
  press(el: HTMLElement, key: DriverKey): Promise<void>;
  /** Leaves the control, so the page sees its change and focusout. */
  blur(el: HTMLElement): Promise<void>;
  /** Attaches `file` to the file input. */
  upload(el: HTMLInputElement, file: FilePayload): Promise<void>;
}

let hostDriver: InputDriver | null = null;

/** Installs the host's driver for this document (null: back to synthetic events). */
export function useInputDriver(driver: InputDriver | null): void {
  hostDriver = driver;
}

/** The host's driver when it installed one, else `fallback` (the synthetic events). */
export function inputDriver(fallback: InputDriver): InputDriver {
  return hostDriver ?? fallback;
}
