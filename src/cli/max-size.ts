/** `--max-size MB`: the one size limit every command applies to files, devices and stdin (20 MB by default). */
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_BYTES } from './io.js';

/** The option, parsed to bytes; its default is {@link DEFAULT_MAX_BYTES}. */
export function maxSizeOption(): Option {
  return new Option('--max-size <MB>', 'refuse inputs (files, devices, stdin) larger than this many megabytes')
    .argParser((v: string) => {
      const mb = Number(v);
      if (!Number.isFinite(mb) || mb <= 0) throw new InvalidArgumentError('a positive number of megabytes');
      return Math.floor(mb * 1024 * 1024);
    })
    .default(DEFAULT_MAX_BYTES, '20');
}
