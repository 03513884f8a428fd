import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, foldText } from '../../src/core/leads/normalise/keys';

/** The general folding (Unicode normalisation and property classes), which the ASCII shortcut must equal. */
function foldUnicode(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('matching keys', () => {
  it('fold ASCII text exactly as the general Unicode folding does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (text) => foldText(text) === foldUnicode(text)), { numRuns: 5000 });
  });

  it('fold accents, ligatures and punctuation the same way in and out of ASCII', () => {
    expect(foldText('Müller GmbH & Co. KG')).toBe('muller gmbh and co kg');
    expect(foldText('Ｆｏｏ—Bär')).toBe('foo bar');
    expect(companyKey('ACME, Inc.')).toBe(companyKey('Acmé Inc'));
  });
});
