import Mustache from 'mustache';
import { TEMPLATE_VARIABLES } from './template-view';

type VariableTree = { readonly [name: string]: true | VariableTree };
type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

export interface UnknownPlaceholder {
  tag: string;
  line: number;
}

/** Text, not HTML: values are inserted as they are. */
const PLAIN_TEXT = { escape: (value: unknown) => String(value) };
const UNRESOLVED_KEY = '__unresolved';
const rewritten = new Map<string, { template: string; literals: string[] }>();

/**
 * Renders a mustache template against a template view. A placeholder the view does not define is kept
 * as written (e.g. `{{lead.nickname}}`) so the lint shows it, instead of vanishing from the sentence.
 */
export function renderTemplate(template: string, view: Record<string, unknown>): string {
  const prepared = prepare(template);
  return Mustache.render(prepared.template, { ...view, [UNRESOLVED_KEY]: prepared.literals }, {}, PLAIN_TEXT);
}

/** Placeholders and partials a template uses that the view does not provide, with their line numbers. */
export function unknownPlaceholders(template: string): UnknownPlaceholder[] {
  return collectUnknown(parse(template)).map(([, value, start]) => ({
    tag: template.slice(start).match(/^\{\{[^}]*\}\}\}?/)?.[0] ?? value,
    line: template.slice(0, start).split('\n').length,
  }));
}

function parse(template: string): Token[] {
  return Mustache.parse(template) as unknown as Token[];
}

function prepare(template: string) {
  const cached = rewritten.get(template);
  if (cached) return cached;
  // An unknown section renders as empty; an unknown single tag is kept as written, from the end backwards.
  const unknown = collectUnknown(parse(template))
    .filter(([type]) => type !== '#' && type !== '^')
    .sort((a, b) => b[2] - a[2]);
  const literals: string[] = [];
  let output = template;
  for (const [, , start, end] of unknown) {
    literals.push(template.slice(start, end));
    output = `${output.slice(0, start)}{{{${UNRESOLVED_KEY}.${literals.length - 1}}}}${output.slice(end)}`;
  }
  const prepared = { template: output, literals };
  rewritten.set(template, prepared);
  return prepared;
}

function collectUnknown(tokens: Token[], sections: string[] = []): Token[] {
  const unknown: Token[] = [];
  for (const token of tokens) {
    const [type, name, , , children] = token;
    if ((type === 'name' || type === '&' || type === '>') && (type === '>' || !isKnown(name, sections)))
      unknown.push(token);
    if ((type === '#' || type === '^') && children) {
      if (!isKnown(name, sections)) unknown.push(token);
      unknown.push(...collectUnknown(children, type === '#' ? [...sections, name] : sections));
    }
  }
  return unknown;
}

/** Resolves a name the way mustache does: in the innermost section first, then outwards to the root. */
function isKnown(name: string, sections: string[]): boolean {
  if (name === '.') return true;
  for (let depth = sections.length; depth >= 0; depth--) {
    const prefix = sections.slice(0, depth).filter((section) => section !== '.');
    const base = resolve(prefix.join('.'));
    if (base !== undefined && base !== true && resolve(name, base) !== undefined) return true;
  }
  return false;
}

function resolve(path: string, from: VariableTree = TEMPLATE_VARIABLES): true | VariableTree | undefined {
  if (!path) return from;
  let node: true | VariableTree | undefined = from;
  for (const part of path.split('.')) {
    if (node === undefined || node === true || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}
