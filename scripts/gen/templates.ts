/** Loads logic-free handlebars templates from templates/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

export type Render = (name: string, data: unknown) => string;

export function templateRenderer(root: string): Render {
  const hbs = Handlebars.create();
  // Values are TypeScript / Markdown source, not HTML: never escape.
  const cache = new Map<string, HandlebarsTemplateDelegate>();
  return (name, data) => {
    let template = cache.get(name);
    if (!template) {
      template = hbs.compile(readFileSync(join(root, 'templates', name), 'utf8'), { noEscape: true, strict: true });
      cache.set(name, template);
    }
    return template(data);
  };
}
