import type { DuplicatePolicy } from '../fields';
import type { LeadRecord } from '../normalise/row';

/** A lead's custom fields as stored in `leads.custom_fields`: name → value, one JSON object. */
export type CustomFields = Record<string, string | null>;

/**
 * Adds a row's custom fields to a lead's: a name given again (twice in the row, or already on the lead of
 * this import) takes the later value under `update` and keeps the earlier one otherwise. Null-prototype,
 * so a field named `__proto__` is a field like any other.
 */
export function addCustomFields(
  into: CustomFields,
  fields: LeadRecord['customFields'],
  policy: DuplicatePolicy,
): CustomFields {
  for (const [name, value] of fields) if (policy === 'update' || !Object.hasOwn(into, name)) into[name] = value;
  return into;
}

/** A row's custom fields as the JSON text of a new lead's `custom_fields`; null when it has none. */
export function customFieldsJson(fields: LeadRecord['customFields'], policy: DuplicatePolicy): string | null {
  return fields.length === 0
    ? null
    : JSON.stringify(addCustomFields(Object.create(null) as CustomFields, fields, policy));
}

/** Stored JSON text back as an object to add to (see `addCustomFields`). */
export function parseCustomFields(json: string | null): CustomFields {
  return Object.assign(Object.create(null) as CustomFields, json ? (JSON.parse(json) as CustomFields) : {});
}
