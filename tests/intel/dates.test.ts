import { describe, expect, it } from 'vitest';
import { findDate, isoDay } from '../../src/core/intel/dates';

describe('findDate', () => {
  it('reads a stated date as precisely as the sentence gives it', () => {
    expect(findDate('Filed on 2024-11-05 with the SEC.')).toBe('2024-11-05');
    expect(findDate('On March 3, 2025 the company said')).toBe('2025-03-03');
    expect(findDate('On 3 March 2025 the company said')).toBe('2025-03-03');
    expect(findDate('Sept. 2021 brought a new office')).toBe('2021-09');
    expect(findDate('The company was founded in 1999.')).toBe('1999');
    expect(findDate('It employs 1999 people.')).toBeNull();
  });

  it('takes the first date a sentence states, a full date before a bare year', () => {
    expect(findDate('Founded in 2010, it raised money on May 2, 2023.')).toBe('2023-05-02');
  });

  it('gives a year-less date the year of the page, never a date after the page', () => {
    expect(findDate('announced on Nov. 4 that', '2025-03-10')).toBe('2024-11-04');
    expect(findDate('announced on Feb. 4 that', '2025-03-10')).toBe('2025-02-04');
    expect(findDate('launched in March', '2025-03-10')).toBe('2025-03');
    expect(findDate('grew 40% this year', '2025-03-10')).toBe('2025');
    expect(findDate('launched in March')).toBeNull();
  });

  it('places "in late 2022", "in Q3 2023", "in mid-2021" and "in the second half of 2020" by their year', () => {
    expect(findDate('a Series A in late 2022')).toBe('2022');
    expect(findDate('closed in Q3 2023 with')).toBe('2023');
    expect(findDate('raised in mid-2021')).toBe('2021');
    expect(findDate('shipped in the second half of 2020')).toBe('2020');
  });

  it('counts "a year ago", "two years ago" and "3 months ago" back from the page’s date', () => {
    expect(findDate('it closed a round roughly a year ago', '2025-06-17')).toBe('2024');
    expect(findDate('it raised two years ago', '2025-06-17')).toBe('2023');
    expect(findDate('the seed closed 3 months ago', '2025-02-10')).toBe('2024-11');
    // A page dated by its year alone cannot place a month back; an undated page cannot place anything.
    expect(findDate('the seed closed 3 months ago', '2025')).toBeNull();
    expect(findDate('it raised a year ago')).toBeNull();
  });

  it('does not read a month name that is a word ("may") or a name as a date without a number', () => {
    expect(findDate('Investors may join later.', '2025-03-10')).toBeNull();
    expect(findDate('March Capital led the round.', '2025-03-10')).toBeNull();
  });
});

describe('isoDay', () => {
  it('turns a provider’s published date into a day, keeping a month or year as given', () => {
    expect(isoDay('2025-05-02T10:00:00Z')).toBe('2025-05-02');
    expect(isoDay('Fri, 02 May 2025 10:00:00 GMT')).toBe('2025-05-02');
    expect(isoDay('2025-06')).toBe('2025-06');
    expect(isoDay(' 2025 ')).toBe('2025');
    expect(isoDay('not a date')).toBeNull();
    expect(isoDay(null)).toBeNull();
  });
});
