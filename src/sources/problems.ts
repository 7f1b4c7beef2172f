/** A bad input line, reported as `file:line: field: problem` and skipped; every good line is still delivered. */
export interface InputProblem {
  file: string;
  line: number;
  /** Dotted path of the offending field (`episodes[0].messages[2].role`), or '' when the line as a whole is bad. */
  field: string;
  problem: string;
}

export type ProblemHandler = (problem: InputProblem) => void;

export function formatProblem(p: InputProblem): string {
  return `${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.problem}`;
}
