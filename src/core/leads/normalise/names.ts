export interface PersonName {
  firstName?: string;
  lastName?: string;
  fullName?: string;
}

/**
 * Completes a name from what the row has: a full name is split ("Ada Lovelace", "Lovelace, Ada"), first
 * and last names are joined. Given parts are never overwritten.
 */
export function completeName(name: PersonName): PersonName {
  const { firstName, lastName, fullName } = name;
  if (fullName && !firstName && !lastName) return { ...splitFullName(fullName), fullName };
  if (!fullName && (firstName || lastName))
    return { firstName, lastName, fullName: [firstName, lastName].filter(Boolean).join(' ') };
  return name;
}

function splitFullName(fullName: string): { firstName?: string; lastName?: string } {
  const comma = fullName.indexOf(',');
  if (comma > 0)
    return { lastName: fullName.slice(0, comma).trim(), firstName: fullName.slice(comma + 1).trim() || undefined };
  const words = fullName.split(/\s+/);
  if (words.length === 1) return { firstName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}
