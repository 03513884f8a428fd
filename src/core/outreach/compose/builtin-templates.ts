/** A template as the analyst edits it: mustache over the names in `TEMPLATE_VARIABLES`. */
export interface TemplateDefinition {
  name: string;
  description: string;
  subject: string;
  body: string;
}

export const DEFAULT_TEMPLATE = 'why-now';

/** The company's strongest recent event, else what it does, else nothing: never both, so its name is not repeated. */
const OPENING = '{{#whyNow}}{{line}} {{/whyNow}}{{^whyNow}}{{#about}}{{line}} {{/about}}{{/whyNow}}';

/**
 * The templates every database starts with. Each writes a complete email with no LLM: it opens with the
 * company's strongest recent event when there is one, speaks to the lead's role, and otherwise says
 * nothing about the company that the lead's own row does not say. Every sentence stands on its own: none
 * points back at a part that may be missing ("it" follows the value proposition only when there is one),
 * so a lead with no company fact gets a short email built on the role and the value proposition.
 */
export const BUILTIN_TEMPLATES: readonly TemplateDefinition[] = [
  {
    name: 'why-now',
    description:
      'Opens with the strongest recent event (funding, launch, partnership, expansion, hire), else what the company does, then the role and your value proposition.',
    subject:
      '{{#whyNow}}{{subject}}, {{lead.firstName}}{{/whyNow}}{{^whyNow}}{{#sender.company}}{{sender.company}} for {{lead.company}}{{/sender.company}}{{^sender.company}}A question for {{lead.company}}{{/sender.company}}{{/whyNow}}',
    body: `{{greeting}}

${OPENING}{{role.line}}

{{sender.valueProposition}}

Would a 15-minute call next week be useful{{#sender.valueProposition}} to see whether it fits your team{{/sender.valueProposition}}?

{{#sender.signoff}}Best,
{{sender.signoff}}{{/sender.signoff}}`,
  },
  {
    name: 'brief',
    description: 'Three lines: the reason to write, what you offer, a question.',
    subject: '{{#whyNow}}{{subject}}{{/whyNow}}{{^whyNow}}Quick question, {{lead.firstName}}{{/whyNow}}',
    body: `{{greeting}}

${OPENING}{{role.line}}

{{sender.valueProposition}} Would you be open to a short call next week{{#sender.valueProposition}} to see whether it fits your team{{/sender.valueProposition}}?

{{sender.signoff}}`,
  },
  {
    name: 'role-first',
    description: 'Leads with the person’s role, then what the company does, else its latest news.',
    subject:
      '{{#role.area}}For {{role.area}} at {{lead.company}}{{/role.area}}{{^role.area}}A question for {{lead.company}}{{/role.area}}',
    body: `{{greeting}}

{{role.line}}{{#about}} {{line}}{{/about}}{{^about}}{{#whyNow}} {{line}}{{/whyNow}}{{/about}}

{{sender.valueProposition}}

Would you be open to a short call next week to compare notes on how your team works today?

{{#sender.signoff}}Kind regards,
{{sender.signoff}}{{/sender.signoff}}`,
  },
];
