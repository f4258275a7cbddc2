/**
 * Plans on standard output as the batch goes: each plan is written as soon as it is next in input order, so
 * memory stays flat and `qplan extract DIR | head -1` stops the batch at the first write after head has gone.
 * Several YAML plans are one stream of documents, several JSON plans one array; NDJSON is line after line. The
 * first plan is held until a second one arrives (or the end), since a lone plan is written bare.
 */
export interface PlanStream {
  add(text: string): void;
  end(): void;
}

/** `combine`: the JSON/YAML joining of several plans (off for NDJSON and for --stage views, which concatenate). */
export function planStream(write: (s: string) => void, format: 'yaml' | 'json' | 'ndjson', combine: boolean): PlanStream {
  const join = !combine ? null : format === 'json' ? JSON_ARRAY : format === 'yaml' ? YAML_STREAM : null;
  let first: string | null = null;
  let count = 0;
  return {
    add(text) {
      count++;
      if (!join) return write(text);
      if (count === 1) { first = text; return; }
      if (count === 2) { write(join.open(first as string)); first = null; }
      write(join.next(text));
    },
    end() {
      if (first !== null) write(first);
      else if (join && count > 1) write(join.close);
      first = null;
    },
  };
}

interface Joiner {
  open(first: string): string;
  next(text: string): string;
  close: string;
}

const JSON_ARRAY: Joiner = { open: (t) => `[\n${t.trimEnd()}`, next: (t) => `,\n${t.trimEnd()}`, close: '\n]\n' };
// in a stream of several plans no document carries the editor modeline (as before streaming)
const dropModeline = (t: string) => t.replace(/^# yaml-language-server.*\n/, '');
const YAML_STREAM: Joiner = { open: dropModeline, next: (t) => `---\n${dropModeline(t)}`, close: '' };
