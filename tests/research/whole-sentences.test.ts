import { describe, expect, it } from 'vitest';
import { SNIPPET_ELLIPSIS as CUT, wholeSentences } from '../../src/core/research/whole-sentences';

const BODY =
  'Quillon Dynamics makes drone software. LEEDS, England, May 2, 2026 -- Quillon Dynamics Inc. announced a pilot with Kestrel Foods, a grower. The pilot runs a year.';

describe('wholeSentences: a library snippet widened to the sentences it cuts', () => {
  it('carries a snippet cut after a few words on to the end of its sentence, past an "Inc." inside it', () => {
    expect(wholeSentences(BODY, `Quillon Dynamics makes drone software. LEEDS, England, May 2, 2026${CUT}`)).toBe(
      'Quillon Dynamics makes drone software. LEEDS, England, May 2, 2026 -- Quillon Dynamics Inc. announced a pilot with Kestrel Foods, a grower.',
    );
  });

  it('starts a snippet cut before its first word at its sentence’s start', () => {
    expect(
      wholeSentences(BODY, `${CUT}Inc. announced a pilot with Kestrel Foods, a grower. The pilot runs a year.`),
    ).toBe(
      'LEEDS, England, May 2, 2026 -- Quillon Dynamics Inc. announced a pilot with Kestrel Foods, a grower. The pilot runs a year.',
    );
  });

  it('keeps a snippet that already ends a sentence as it is, not carried into the next one', () => {
    expect(wholeSentences(BODY, `Quillon Dynamics makes drone software.${CUT}`)).toBe(
      'Quillon Dynamics makes drone software.',
    );
  });

  it('leaves the cut, marked, where no sentence edge is near (a table, a list of words)', () => {
    const table = Array.from({ length: 200 }, (_, i) => `Quillon ${i}`).join(' ');
    const snippet = `${CUT}${table.slice(400, 440)}${CUT}`;
    expect(wholeSentences(table, snippet)).toBe(`… ${table.slice(400, 440).trim()} …`);
  });

  it('returns a snippet it cannot find in the text unchanged', () => {
    expect(wholeSentences(BODY, `${CUT}not in the body${CUT}`)).toBe(`${CUT}not in the body${CUT}`);
    expect(wholeSentences(BODY, '')).toBe('');
  });
});
