// The one switch for online enrichment. Off until the settings module installs its getter,
// so no Wikimedia request can happen before the reader has said yes.

type Getter = () => boolean | Promise<boolean>;

let getter: Getter = () => false;

/** Called once by the background with a reader of the enrichment setting (and host permission). */
export function setEnrichmentGetter(read: Getter): void {
  getter = read;
}

/** Whether the reader turned online enrichment on; any failure reading the setting counts as off. */
export async function isEnrichmentOn(): Promise<boolean> {
  try {
    return (await getter()) === true;
  } catch {
    return false;
  }
}
