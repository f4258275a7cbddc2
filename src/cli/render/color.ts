/**
 * Whether output is coloured, decided in this one place for every command (ripgrep's `auto`): the command's
 * --color / --no-color first, then NO_COLOR, then FORCE_COLOR, then whether the stream is a terminal. Machine
 * formats and files never reach here: their callers do not ask.
 */
import type { Io } from '../io.js';

/**
 * `flag` is the command's own choice (true for --color, false for --no-color, undefined when not given);
 * `stream` is where the coloured text goes.
 */
export function useColor(io: Io, stream: 'stdout' | 'stderr', flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  // FORCE_COLOR as chalk reads it: set and not 0/false forces colour on (FORCE_COLOR= with no value too)
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io[stream].isTTY;
}
