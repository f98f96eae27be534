/**
 * Which modal dialogs are open, in order. Esc closes only the top one (a
 * confirmation above the editor), and Ctrl+Z leaves the calendar alone while
 * any dialog is open.
 */
const open: symbol[] = [];

export function pushModal(id: symbol): void {
  open.push(id);
}

export function removeModal(id: symbol): void {
  const index = open.lastIndexOf(id);
  if (index >= 0) open.splice(index, 1);
}

export function isTopModal(id: symbol): boolean {
  return open[open.length - 1] === id;
}

export function isAnyModalOpen(): boolean {
  return open.length > 0;
}
