/** One case table for the CLI, run in-process (cli.test.ts) and a few of them as a real subprocess (bin.test.ts). */
export interface CliCase {
  name: string;
  args: string[];
  stdin?: string;
  exitCode: number;
  /** Substrings (or a regexp) the output must contain. */
  stdout?: Array<string | RegExp>;
  stderr?: Array<string | RegExp>;
  /** stdout must be empty. */
  noStdout?: boolean;
  bin?: boolean;
}

export const CASES: CliCase[] = [
  { name: 'no arguments prints help', args: [], exitCode: 0, stdout: ['Usage: qplan', 'extract', 'compare', 'validate'] },
  { name: '--version', args: ['--version'], exitCode: 0, stdout: [/^\d+\.\d+\.\d+\n$/], bin: true },
  { name: 'extract --help shows examples', args: ['extract', '--help'], exitCode: 0, stdout: ['--format', '--out-dir', 'Examples:', 'Exit status'] },
  { name: 'unknown option is a usage error', args: ['extract', '--nope', 'x.txt'], exitCode: 2, stderr: ['unknown option'] },
  { name: 'unknown command is a usage error', args: ['extrakt'], exitCode: 2, stderr: ['unknown command'] },
  { name: 'extract without files', args: ['extract'], exitCode: 2, stderr: ['no input files'] },
  { name: 'missing file names the file', args: ['extract', 'seeds/nope.txt'], exitCode: 2, stderr: ['seeds/nope.txt', 'no such file'], noStdout: true },
  { name: 'yaml by default with warnings on stderr', args: ['extract', 'seeds/000_3c93fe66f1b042f6.txt'], exitCode: 0, stdout: ['schema: qplan/plan@1', 'title: 江北区质量强区建设实施方案'], stderr: ['seeds/000_3c93fe66f1b042f6.txt:34: warning: date 2023121 read as 2023-12-01'], bin: true },
  { name: 'json', args: ['extract', '--format', 'json', '--quiet', 'seeds/004_59faef078171ecef.txt'], exitCode: 0, stdout: ['"doc_number": "东丽政发〔2024〕5号"'] },
  { name: 'ndjson, one line per plan', args: ['extract', '--format', 'ndjson', '-q', 'seeds/001_85cde96d376fc1c9.txt', 'seeds/003_d34b9a5638ecd82e.txt'], exitCode: 0, stdout: [/^\{.*\}\n\{.*\}\n$/s] },
  { name: '--strict fails on warnings', args: ['extract', '--strict', '-q', 'seeds/000_3c93fe66f1b042f6.txt'], exitCode: 1 },
  { name: '--quiet prints no diagnostics', args: ['extract', '-q', 'seeds/000_3c93fe66f1b042f6.txt'], exitCode: 0, stderr: [/^$/] },
  { name: 'stdin with -', args: ['extract', '--format', 'json', '-q', '-'], stdin: '一、总体要求\n到2027年,合格率达到99%以上。\n二、重点任务\n1.加强监管。落实责任。(责任单位:区市场监管局)\n', exitCode: 0, stdout: ['"responsible": [\n        "区市场监管局"'], bin: true },
  { name: 'empty stdin is refused', args: ['extract', '-'], stdin: '', exitCode: 2, stderr: ['-: error:', 'empty'], noStdout: true },
  { name: '--stage outline', args: ['extract', '--stage', 'outline', 'seeds/004_59faef078171ecef.txt'], exitCode: 0, stdout: ['chapter 十 [safeguards] 组织保障', '专栏 7'] },
  { name: 'bad --format value', args: ['extract', '--format', 'xml', 'seeds/000_3c93fe66f1b042f6.txt'], exitCode: 2, stderr: ['xml'] },
];
