import fc from 'fast-check';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import metadata from 'libphonenumber-js/min/metadata';
import { describe, expect, it } from 'vitest';
import { phoneE164 } from '../../src/core/leads/normalise/phone';

/** What the import stored before `phoneE164`: plain libphonenumber-js, its default entry and metadata. */
function plain(raw: string, region: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(raw, region);
  return parsed?.isPossible() ? parsed.number : null;
}

const countries = getCountries();
const sharedCallingCodes = Object.entries(metadata.country_calling_codes).filter(([, list]) => list.length > 1);

/** Every way the pair could differ, listed at once so a failure shows all of them. */
function differences(pairs: Iterable<readonly [string, CountryCode]>) {
  const found: Array<{ raw: string; region: CountryCode; plain: string | null; fast: string | null }> = [];
  for (const [raw, region] of pairs) {
    const expected = plain(raw, region);
    const actual = phoneE164(raw, region);
    if (actual !== expected) found.push({ raw, region, plain: expected, fast: actual });
  }
  return found;
}

/** Each country's example number as analysts' files write it: international, national, dialled from abroad, with an extension. */
function* exampleFormats(): Generator<string> {
  for (const country of countries) {
    const example = examples[country];
    if (!example) continue;
    const parsed = parsePhoneNumberFromString(example, country)!;
    const callingCode = getCountryCallingCode(country);
    yield example;
    yield parsed.number;
    yield parsed.formatInternational();
    yield parsed.formatNational();
    yield `00${callingCode} ${example}`;
    yield `011 ${callingCode} ${example}`;
    yield `${parsed.formatInternational()} ext. 42`;
    yield `${parsed.formatNational()} x7`;
    yield parsed.getURI();
    // One digit short and one too many: lengths where countries sharing a calling code may disagree.
    yield `+${callingCode} ${example.slice(0, -1)}`;
    yield `+${callingCode} ${example}5`;
  }
}

/** Written the ways real lead files write phones (the fixtures' columns, CRM exports, typing in a sheet). */
const REAL_FORMATS = [
  '(415) 555-0142',
  '+1 650-555-0110',
  '(212) 555-0199',
  '+49 30 1234567',
  '030 12345678',
  '01 23 45 67 89',
  '+34 912 345 678',
  '415.555.0199 x204',
  '+1 (415) 555-0199 ext 12',
  '+44 (0)20 7946 0958',
  '0044 20 7946 0958',
  '020 7946 0958',
  '07700 900123',
  '+44 1624 456789',
  '+44 1534 456789',
  '+7 701 123 4567',
  '8 (800) 555-35-35',
  '+1 242 359 1234',
  '+1 (876) 555 0123',
  '+1 310 1234',
  '310 1234',
  '+262 269 61 23 45',
  '+590 590 27 12 34',
  '+599 9 123 4567',
  '+61 2 9876 5432',
  '+61 8 9162 1234',
  '+358 18 12345',
  '+39 06 698 12345',
  '+47 79 12 34 56',
  '+212 528 123456',
  '+290 22158',
  '+800 1234 5678',
  '+882 3456 7890',
  'tel:+1-201-555-0123;ext=1234',
  '+1 800 FLOWERS',
  '1-800-FLOWERS',
  '1-800-356-9377',
  '＋１ ４１５ ５５５ ２６７１',
  '٠١٢٣٤٥٦٧٨٩',
  '555-0199',
  '1234',
  '12',
  '+',
  '+999 1234567',
  '+1',
  'N/A',
  '-',
  'call me',
  'mobile: +49 171 1234567',
  '+49 171 1234567 (mobile)',
  "'+1 415 555 2671",
  '4155552671.0',
  '4.15555E+09',
  '+1 415 555 2671, +1 415 555 2672',
  '+33 (0) 1 23 45 67 89',
  '+1-415-555-2671#',
  '+1 415 555 2671 ;ext=88',
  'x123',
];

/** A region of every calling code's countries, and the three most common defaults. */
const REGIONS: CountryCode[] = [
  ...new Set<CountryCode>(['US', 'GB', 'DE', ...sharedCallingCodes.flatMap(([, l]) => l)]),
];

describe('phoneE164 gives what plain libphonenumber-js gives', () => {
  it('for every country example in eleven formats, read with its own, a neighbour and common regions', () => {
    const pairs: Array<[string, CountryCode]> = [];
    for (const raw of exampleFormats())
      for (const region of ['US', 'GB', 'CA', 'IM', 'AU'] as const) pairs.push([raw, region]);
    for (const country of countries) pairs.push([examples[country] ?? '', country]);
    expect(pairs.length).toBeGreaterThan(10_000);
    expect(differences(pairs)).toEqual([]);
  });

  it('for real-format, vanity and junk cells under every region that shares a calling code', () => {
    expect(differences(REAL_FORMATS.flatMap((raw) => REGIONS.map((region) => [raw, region] as const)))).toEqual([]);
  });

  it('for every length of national number after each shared calling code, international and national, with and without a national prefix', () => {
    const pairs: Array<[string, CountryCode]> = [];
    for (const [callingCode, sharing] of sharedCallingCodes)
      for (let length = 1; length <= 18; length++)
        for (const lead of '23456789') {
          const digits = lead + '1234567890123456789'.slice(0, length - 1);
          for (const region of sharing)
            for (const nationalPrefix of ['', '0', '1', '8'])
              pairs.push([`+${callingCode} ${nationalPrefix}${digits}`, region], [nationalPrefix + digits, region]);
        }
    expect(differences(pairs)).toEqual([]);
  });

  it('keeps a number that only another country of its calling code makes possible (+1 with seven digits: Canada)', () => {
    expect(phoneE164('+1 310 1234', 'US')).toBe('+13101234');
    expect(phoneE164('+1 415 555 2671', 'US')).toBe('+14155552671');
    expect(phoneE164('1-800-FLOWERS', 'US')).toBeNull();
  });

  it('for generated digits, separators, prefixes, extensions and junk under any region (fast-check)', () => {
    const separator = fc.constantFrom('', ' ', '-', '.', '/', ' (', ') ', '\u00a0');
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 18 });
    const callingCode = fc.constantFrom(
      ...new Set([...sharedCallingCodes.map(([code]) => code), '1', '7', '33', '44', '49', '86', '91', '800', '999']),
    );
    const prefix = fc.oneof(
      fc.constant(''),
      callingCode.map((code) => `+${code} `),
      callingCode.map((code) => `00${code} `),
      fc.constantFrom('0', '1', '8', '011 ', '+', 'tel:+', 'Tel. '),
    );
    const body = fc
      .array(fc.tuple(digits, separator), { minLength: 1, maxLength: 5 })
      .map((parts) => parts.map(([d, s]) => d + s).join(''));
    const suffix = fc.oneof(
      fc.constant(''),
      fc.constantFrom(' ext. 12', ' x9', '#', ';ext=1234', ' FLOWERS', ' (mobile)', ',,55', ' доб. 3'),
      fc.string({ maxLength: 4 }),
    );
    const raw = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(prefix, body, suffix).map(([p, b, s]) => p + b + s) },
      { weight: 1, arbitrary: fc.string({ maxLength: 24 }) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'+0123456789 ()-xext#ABCDEFG'), maxLength: 24 }) },
    );
    fc.assert(
      fc.property(raw, fc.constantFrom(...countries), (text, region) => {
        expect(phoneE164(text, region)).toBe(plain(text, region));
      }),
      { numRuns: 20_000 },
    );
  });
});
