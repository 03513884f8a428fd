import { describe, expect, it } from 'vitest';
import { findLinkSpans, findLinks, foreignLinks, ownHosts } from '../../src/core/outreach/review/links';
import { lead, sender } from '../fixtures/outreach/facts';

const hosts = (text: string) => findLinkSpans(text).map((link) => link.host);

describe('what counts as a link', () => {
  it('reads every shape down to one host: any case and TLD, IDN, punycode, any full stop, defanged dots', () => {
    expect(hosts('Customers migrate at Evil.Shop.')).toEqual(['evil.shop']);
    expect(hosts('evil。shop, evil．shop, evil｡shop, evil\u06D4shop, evil[.]shop, evil (dot) shop')).toEqual(
      Array(6).fill('evil.shop'),
    );
    expect(hosts('Siehe Bücher-Lohn.DE')).toEqual(['xn--bcher-lohn-9db.de']);
    expect(hosts('paylohn.xn--p1ai and зарплата.рф')).toEqual(['paylohn.xn--p1ai', 'xn--80aaazvxgt.xn--p1ai']);
    expect(hosts('HTTPS://user@Shop.Example:8443/x?y=1 and //cdn.example/x.js')).toEqual([
      'shop.example',
      'cdn.example',
    ]);
    expect(hosts('write to Åsa.Lindström@Lönekoll.SE or mailto:sam@northwind.example')).toEqual([
      'xn--lnekoll-90a.se',
      'northwind.example',
    ]);
    expect(hosts('javascript:alert(1) and data:text/html;base64,AAAA')).toEqual([null, null]);
    expect(findLinks('203.0.113.7/admin, ｗｗｗ.evil.com')).toEqual(['203.0.113.7/admin', 'www.evil.com']);
  });

  it('leaves alone what only looks a little like one: code names, files, amounts, abbreviations, a missing space', () => {
    for (const text of [
      'Acme builds its platform on Node.js, Next.js and Postgres.',
      'The deck is in report.pdf and data.json.',
      'Acme raised $20.5M in the U.S., e.g. from 3.5x more investors, at 10.30am.',
      'Acme grew fast last year.The company now employs 200 people.',
    ]) {
      expect(findLinks(text), text).toEqual([]);
    }
  });

  it('catches a name too long to match at once, in parts', () => {
    const long = `${'ab.'.repeat(30)}evil.shop`;
    expect(
      findLinkSpans(`See ${long} today`)
        .map((l) => l.text)
        .join('.'),
    ).toBe(long);
  });

  it('stays linear on long input without links', () => {
    const started = performance.now();
    for (const text of [
      'a'.repeat(100_000),
      'a[.]'.repeat(25_000),
      'a (dot) '.repeat(12_500),
      '1.'.repeat(50_000),
      'a@'.repeat(50_000),
    ])
      findLinkSpans(text);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('whose links a draft may carry', () => {
  it('the lead’s domain and email domain and the sender’s, with their subdomains; nothing that merely contains them', () => {
    const own = ownHosts({
      lead: lead({ domain: 'https://www.Acme.Example/' }),
      sender: { ...sender, signature: 'Sam Carter\nnorthwind-research.example' },
    });
    expect(own).toEqual(['acme.example', 'northwind.example', 'northwind-research.example']);
    const text =
      'careers.acme.example ACME.EXAMPLE/jobs sam@northwind.example northwind-research.example acme.example.evil.shop evilacme.example аcme.example acme-example.shop';
    expect(foreignLinks(text, own).map((link) => link.text)).toEqual([
      'acme.example.evil.shop',
      'evilacme.example',
      'аcme.example',
      'acme-example.shop',
    ]);
    expect(foreignLinks('javascript:alert(1)', own)).toHaveLength(1);
    // The host is what a browser connects to, not a name in the user part or after a backslash.
    expect(
      foreignLinks('https://acme.example@evil.shop/x https://evil.shop\\@acme.example acme.example:8443/x', own).map(
        (link) => link.host,
      ),
    ).toEqual(['evil.shop', 'evil.shop']);
  });
});
