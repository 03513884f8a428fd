// Phone normalisation alone: the import's `phoneE164` against plain libphonenumber-js (the package's default
// entry, `parsePhoneNumberFromString(raw, region)`, `.isPossible()`, `.number`: what the import called before)
// on the same generated cells, one thread, alternating rounds in the same run. CPU time is the measure (one
// thread, so it moves less with the machine's load than wall time); the load is printed beside it.
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import { phoneE164 } from '../src/core/leads/normalise/phone';
import { describeConditions, withConditions, type RunConditions } from './support/cpu';
import { median, report, withPeakMemory } from './support/measure';

const CELLS = 200_000;
const ROUNDS = 3;
const REGION: CountryCode = 'US';

function plain(raw: string, region: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(raw, region);
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * A lead file's phone column under the default region US: 60% North American numbers written as CRMs export
 * them, 30% other countries' numbers (every country's example, international and dialled from abroad),
 * 5% with an extension, 5% junk.
 */
function cells(): string[] {
  const foreign = getCountries()
    .filter((country) => examples[country])
    .flatMap((country) => [
      parsePhoneNumberFromString(examples[country]!, country)!.formatInternational(),
      `00${getCountryCallingCode(country)} ${examples[country]}`,
    ]);
  const junk = ['n/a', '-', 'call me', '12', '+999 1234567', '1-800-FLOWERS', 'see notes', '+'];
  return Array.from({ length: CELLS }, (_, i) => {
    const line = String(1000 + (i % 9000));
    const kind = i % 20;
    if (kind < 6) return `+1 415 555 ${line}`;
    if (kind < 10) return `(212) 555-${line}`;
    if (kind < 12) return `646.555.${line}`;
    if (kind < 18) return foreign[i % foreign.length]!;
    if (kind === 18) return `+1 650-555-${line} ext. ${i % 500}`;
    return junk[i % junk.length]!;
  });
}

function normaliseAll(list: string[], normalise: (raw: string, region: CountryCode) => string | null): number {
  let kept = 0;
  for (const raw of list) if (normalise(raw, REGION) !== null) kept += 1;
  return kept;
}

export async function run(): Promise<void> {
  const list = cells();
  const candidates = { plain, phoneE164 } as const;
  // Warm both, and check they agree on this very input before timing anything.
  const kept = Object.values(candidates).map((normalise) => normaliseAll(list, normalise));
  if (kept[0] !== kept[1]) throw new Error(`plain kept ${kept[0]} numbers, phoneE164 ${kept[1]}`);
  const runs: Record<keyof typeof candidates, Array<RunConditions & { peakRssMb: number }>> = {
    plain: [],
    phoneE164: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of Object.keys(candidates) as Array<keyof typeof candidates>) {
      const { result, conditions } = await withConditions(() =>
        withPeakMemory(async () => normaliseAll(list, candidates[name])),
      );
      runs[name].push({ ...conditions, peakRssMb: result.peakRssMb });
    }
  }
  const usPerCell = (name: keyof typeof candidates) => median(runs[name].map((r) => (r.cpuMs * 1000) / CELLS));
  for (const name of Object.keys(candidates) as Array<keyof typeof candidates>) {
    const peak = Math.max(...runs[name].map((r) => r.peakRssMb));
    report(`${CELLS.toLocaleString('en-US')} phone cells, ${name}`, `${usPerCell(name).toFixed(2)} us/cell`);
    console.log(`    peak RSS ${peak.toFixed(0)} MB; rounds: ${runs[name].map(describeConditions).join(' | ')}`);
  }
  report(
    'phoneE164 / plain libphonenumber-js (CPU, median of rounds)',
    (usPerCell('phoneE164') / usPerCell('plain')).toFixed(2),
  );
  console.log(`    kept as E.164 by both: ${kept[0]} of ${CELLS}`);
}
