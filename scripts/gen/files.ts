/** What a generator plugin returns: a path relative to the project root and its full text. Only the driver writes files. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** The one header every generated file starts with: its real inputs and the command, never a timestamp. */
export function header(inputs: string[], template: string | undefined, comment: '//' | '<!--' = '//'): string {
  const from = `@generated from ${inputs.join(' + ')}${template ? ` via ${template}` : ''} — DO NOT EDIT. Run: pnpm gen`;
  return comment === '//' ? `// ${from}\n` : `<!-- ${from} -->\n`;
}
