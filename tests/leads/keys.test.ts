import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, foldText, foldUnicodeText } from '../../src/core/leads/normalise/keys';

describe('matching keys', () => {
  it('fold ASCII text exactly as the general Unicode folding does', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary-ascii', maxLength: 40 }),
        (text) => foldText(text) === foldUnicodeText(text),
      ),
      { numRuns: 5000 },
    );
  });

  it('fold accents, ligatures and punctuation the same way in and out of ASCII', () => {
    expect(foldText('Müller GmbH & Co. KG')).toBe('muller gmbh and co kg');
    expect(foldText('Ｆｏｏ—Bär')).toBe('foo bar');
    expect(companyKey('ACME, Inc.')).toBe(companyKey('Acmé Inc'));
  });
});
