import type { ComposedDraft, DraftFact, DraftLength } from '../draft-schema';
import type { DraftContext } from './draft-context';
import type { GroundingFact } from './grounding-fact';
import type { TemplateDefinition } from './builtin-templates';
import { buildTemplateView } from './template-view';
import { renderTemplate } from './template-renderer';
import { lintDraft } from '../review/lint';

/** Writes a draft from a template: no LLM, no network. The facts listed are exactly those the words read. */
export function composeFromTemplate(
  context: DraftContext,
  template: TemplateDefinition,
  length: DraftLength = 'medium',
): ComposedDraft {
  const { view, usedFacts } = buildTemplateView(context);
  const subject = tidySubject(renderTemplate(template.subject, view));
  const body = tidyBody(renderTemplate(template.body, view));
  const facts = usedFacts().map(toDraftFact);
  return {
    subject,
    body,
    generator: 'template',
    template: template.name,
    facts,
    lint: lintDraft({ subject, body, facts, lead: context.lead, sender: context.sender, length, now: context.now }),
  };
}

const draftFacts = new WeakMap<GroundingFact, DraftFact>();

/** A fact as a draft lists it. One object per fact, shared by the drafts that use it (the lint reads each once). */
export function toDraftFact(fact: GroundingFact): DraftFact {
  let draftFact = draftFacts.get(fact);
  if (!draftFact) {
    draftFact = { id: fact.id, text: fact.text, sourceUrl: fact.sourceUrl, trigger: fact.trigger, date: fact.date };
    draftFacts.set(fact, draftFact);
  }
  return draftFact;
}

/** Optional parts that render empty leave stray spaces and blank lines behind; this removes them. */
export function tidyBody(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tidySubject(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/gu, '')
    .trim();
}
