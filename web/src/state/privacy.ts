// What the deletion dialogs accept before they let the button be pressed: the same comparison the
// server makes, so that a typed confirmation the button allows is never refused for a typo in case.

/** Your e-mail address, as the server compares it: trimmed, in any case. */
export function emailConfirmed(typed: string, email: string): boolean {
  return typed.trim() !== '' && typed.trim().toLowerCase() === email.trim().toLowerCase();
}

/** The organization's exact name (surrounding spaces aside): a near miss is another organization. */
export function nameConfirmed(typed: string, name: string): boolean {
  return typed.trim() !== '' && typed.trim() === name;
}
