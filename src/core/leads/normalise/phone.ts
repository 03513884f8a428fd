import {
  getCountryCallingCode,
  Metadata,
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
  type NumberingPlan,
} from 'libphonenumber-js/core/es6';
import fullMetadata from 'libphonenumber-js/min/metadata';

/**
 * A phone number as the import stores it: E.164 when libphonenumber-js reads a possible number (`region`
 * for local forms), null otherwise. Exactly what `parsePhoneNumberFromString(raw, region)` of the
 * package's default entry, `.isPossible()` and `.number` give (`tests/leads/phone.test.ts` compares the
 * two on generated and real-format numbers), in less time:
 *
 * - the `core/es6` entry is the package's build for current runtimes (the default one copies each call's
 *   options through Babel's object-spread helper, a sixth of a parse);
 * - the exact country of a calling code that several share (+1: US, CA and 23 more) is searched for (a
 *   regular expression or several per country tried) only where it can change the answer. The country
 *   counts twice, and only through its possible lengths: whether a national prefix is taken off (not if
 *   what remains is too short for it) and whether the number is possible. So the parse first runs on
 *   metadata listing only each calling code's main country; the full metadata decides again when the
 *   countries of the calling code disagree on the national number's length, or when a national prefix
 *   could still begin it (one kept on because it left too few digits for the main country).
 */
export function phoneE164(raw: string, region: CountryCode): string | null {
  const quick = parsePhoneNumberFromString(raw, region, mainCountriesOnly);
  if (!quick) return null;
  const parsed = countryCouldMatter(quick.countryCallingCode, quick.nationalNumber, region)
    ? parsePhoneNumberFromString(raw, region, fullMetadata)
    : quick;
  return parsed?.isPossible() ? parsed.number : null;
}

/** The same metadata with each shared calling code listing its main country alone. */
const mainCountriesOnly: MetadataJson = {
  ...fullMetadata,
  country_calling_codes: Object.fromEntries(
    Object.entries(fullMetadata.country_calling_codes).map(([callingCode, countries]) => [
      callingCode,
      countries.slice(0, 1),
    ]),
  ),
};

/** The numbering plan's rule for a national prefix, public on the class but missing from the package's types. */
type PlanWithPrefix = NumberingPlan & { nationalPrefixForParsing(): string | undefined };

interface SharedCallingCode {
  /** National number lengths on which its countries disagree: possible in some, or too short to strip a prefix for. */
  disputedLengths: ReadonlySet<number>;
  /** Where the quick parse may have selected a plan: the main country's and, for a local form, the region's. */
  prefixes: Map<CountryCode, RegExp | null>;
}

/** National (significant) numbers are at most 17 digits (libphonenumber's MAX_LENGTH_FOR_NSN). */
const LONGEST_NATIONAL_NUMBER = 17;

const shared: ReadonlyMap<string, SharedCallingCode> = new Map(
  Object.entries(fullMetadata.country_calling_codes)
    .filter(([, countries]) => countries.length > 1)
    .map(([callingCode, countries]) => {
      const plans = countries.map((country) => plan(country).possibleLengths());
      const possible = (lengths: number[], length: number) => lengths.includes(length);
      // libphonenumber keeps a national prefix on when what is left is too short or of an invalid length.
      const keepsStripped = (lengths: number[], length: number) =>
        possible(lengths, length) || length > Math.max(...lengths);
      const disputedLengths = new Set<number>();
      for (let length = 1; length <= LONGEST_NATIONAL_NUMBER; length++) {
        for (const rule of [possible, keepsStripped]) {
          const answers = new Set(plans.map((lengths) => rule(lengths, length)));
          if (answers.size > 1) disputedLengths.add(length);
        }
      }
      return [callingCode, { disputedLengths, prefixes: new Map() }];
    }),
);

function countryCouldMatter(callingCode: string, nationalNumber: string, region: CountryCode): boolean {
  const code = shared.get(callingCode);
  if (!code) return false;
  if (code.disputedLengths.has(nationalNumber.length)) return true;
  const main = fullMetadata.country_calling_codes[callingCode]![0]!;
  const selected = getCountryCallingCode(region, fullMetadata) === callingCode ? [main, region] : [main];
  return selected.some((country) => nationalPrefix(code, country)?.test(nationalNumber) ?? false);
}

/** The country's national prefix pattern, anchored at the start as libphonenumber matches it; compiled once. */
function nationalPrefix(code: SharedCallingCode, country: CountryCode): RegExp | null {
  let pattern = code.prefixes.get(country);
  if (pattern === undefined) {
    const rule = (plan(country) as PlanWithPrefix).nationalPrefixForParsing();
    pattern = rule ? new RegExp(`^(?:${rule})`) : null;
    code.prefixes.set(country, pattern);
  }
  return pattern;
}

function plan(country: CountryCode): NumberingPlan {
  const metadata = new Metadata(fullMetadata);
  metadata.selectNumberingPlan(country);
  return metadata.numberingPlan!;
}
