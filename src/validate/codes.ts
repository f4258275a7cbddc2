/**
 * The codes `qplan validate` reports on plan documents (YAML/JSON), with default severity and a one-line
 * description. Kept beside the validator so the extractor's registry (`src/diagnostics.ts`) stays the
 * extractor's; the README table lists both. Codes are stable ids: add, never rename.
 */
import type { CodeInfo } from '../diagnostics.js';

/** Every code `qplan validate` adds to the extractor's, with its default severity and meaning. */
export const VALIDATE_CODES = {
  // reading the file
  'file-too-large': { severity: 'error', description: 'the file is larger than the size limit (20 MB unless --max-size) and was not read' },
  'file-unreadable': { severity: 'error', description: 'the file could not be read (missing, permission denied); the run exits 2' },
  'internal-error': { severity: 'error', description: 'checking this file crashed qplan (a bug: please report it); the other files are still checked, and the run exits 2' },
  'file-not-utf8': { severity: 'error', description: 'a plan YAML/JSON file is not valid UTF-8' },
  'yaml-syntax': { severity: 'error', description: 'the file is not well-formed YAML or JSON' },
  'yaml-duplicate-key': { severity: 'error', description: 'a mapping has the same key twice' },
  'yaml-alias-limit': { severity: 'error', description: 'the file uses more aliases than allowed (an alias bomb); it was not expanded' },
  'yaml-tag': { severity: 'error', description: 'the file uses a custom or language-specific tag (!!js/function, !foo); plan files use plain YAML' },
  'yaml-empty': { severity: 'error', description: 'the file holds no YAML document' },
  // the schema (qplan/plan@1)
  'schema-version-unknown': { severity: 'error', description: 'the document does not declare a supported `schema:` version' },
  'schema-required': { severity: 'error', description: 'a required field is missing' },
  'schema-type': { severity: 'error', description: 'a value has the wrong type (a string where a number belongs, …)' },
  'schema-enum': { severity: 'error', description: 'a value is not one of the allowed words' },
  'schema-format': { severity: 'error', description: 'a string does not have the required form (ISO date, sha256, where)' },
  'schema-range': { severity: 'error', description: 'a number or string is out of range (a line below 1, a year before 1900, an empty id)' },
  'schema-unknown-key': { severity: 'error', description: 'a field the schema does not define (often a typo)' },
  'schema-invalid': { severity: 'error', description: 'a value breaks another schema rule' },
  // meaning
  'task-id-duplicate': { severity: 'error', description: 'two tasks share one id; ids must be unique within a plan' },
  'task-numbering-gap': { severity: 'warning', description: 'task numbers skip one or more numbers (a task may have been lost)' },
  'task-numbering-repeat': { severity: 'error', description: 'a task number repeats or goes back within its sequence' },
  'task-chapter-unknown': { severity: 'error', description: "a task's chapter is not one of the plan's sections" },
  'line-order': { severity: 'warning', description: 'tasks or sections are not in document order (their lines go back)' },
  'task-title-missing': { severity: 'error', description: 'a task has an empty title' },
  'task-units-missing': { severity: 'warning', description: 'a task names no lead or responsible unit' },
  'target-percent-over-100': { severity: 'error', description: 'a percentage target is over 100% (growth rates excepted)' },
  'target-where-unknown': { severity: 'error', description: "a target's `where` names a task id or 专栏 number the plan does not have" },
  'target-year-missing': { severity: 'error', description: 'a target has no year' },
  'target-year-outside-horizon': { severity: 'error', description: "a target's year lies after the plan's last horizon year" },
  'target-year-before-plan': { severity: 'error', description: "a target's year lies before the year the plan was signed or published" },
} as const satisfies Record<string, CodeInfo>;

/** A code from {@link VALIDATE_CODES}. */
export type ValidateCode = keyof typeof VALIDATE_CODES;
