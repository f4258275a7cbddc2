/**
 * When SIGINT/SIGTERM need qplan's own handler. Node runs a signal handler only when the event loop is free, so a
 * handler installed for the whole run would leave Ctrl-C waiting for a long synchronous parse to finish. The
 * handler is only needed while there is something to clean up: a temp file being written, or worker threads
 * writing theirs. Those stretches `hold` the handler; the rest of the time the default action stops the process at
 * once (there is no temp file to leave behind then). The bin supplies the installer; elsewhere (tests, workers,
 * the library) holding does nothing.
 */

let install: (on: boolean) => void = () => undefined;
let holds = 0;
let pendingOff: ReturnType<typeof setTimeout> | null = null;
/** How long the handler stays after the last hold: a batch writing file after file keeps it, instead of toggling it per file. */
const LINGER_MS = 200;

/** Set by the bin: turns qplan's SIGINT/SIGTERM handler on and off. */
export function onSignalHolds(installer: (on: boolean) => void): void {
  install = installer;
}

/** Keeps the handler installed until the returned function is called. */
export function holdSignals(): () => void {
  if (holds++ === 0) {
    if (pendingOff) {
      clearTimeout(pendingOff);
      pendingOff = null;
    } else install(true);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // off a little later, never in the same turn: a signal caught during the hold still reaches the handler
    if (--holds === 0) {
      pendingOff = setTimeout(() => {
        pendingOff = null;
        if (holds === 0) install(false);
      }, LINGER_MS);
      pendingOff.unref();
    }
  };
}

/**
 * Called before a parse that may be long: when nothing holds the handler, it goes now rather than after its
 * linger, so the parse can be interrupted. One turn of the event loop first hands any signal already caught to it.
 */
export async function releaseLingering(): Promise<void> {
  if (holds > 0 || !pendingOff) return;
  await new Promise((r) => setImmediate(r));
  if (holds > 0 || !pendingOff) return;
  clearTimeout(pendingOff);
  pendingOff = null;
  install(false);
}
