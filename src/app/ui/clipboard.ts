/**
 * Copies text (a share or classroom link). navigator.clipboard needs a secure context and permission; where it is
 * missing or refuses, the caller shows the link in a read-only field, selected, to copy by hand.
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
