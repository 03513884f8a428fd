import { describe, expect, it } from 'vitest';
import { autoMap, resolveMapping, toMapping } from '../../src/core/leads/mapping/auto-map';
import { headerSignature } from '../../src/core/leads/mapping/mapping-store';
import { readAll, fixture } from './support';

async function mappingOf(file: string) {
  const { layout, rows } = await readAll(fixture(file));
  return toMapping(
    autoMap(
      layout.headers,
      rows.map((r) => r.cells),
    ),
  );
}

describe('automatic column mapping', () => {
  it('maps a HubSpot contacts export', async () => {
    expect(await mappingOf('hubspot-contacts.csv')).toMatchObject({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Phone Number': 'phone',
      'Company Name': 'company',
      'Job Title': 'title',
      'Lead Status': 'leadStatus',
      'Lifecycle Stage': 'custom',
      City: 'city',
      'State/Region': 'state',
      'Country/Region': 'country',
      'Website URL': 'website',
      'Original Source': 'leadSource',
      'Record ID': 'custom',
      'Contact owner': 'custom',
    });
  });

  it('maps a Salesforce leads report, keeping the second phone as a custom field', async () => {
    expect(await mappingOf('salesforce-leads.csv')).toMatchObject({
      Title: 'title',
      'Company / Account': 'company',
      Email: 'email',
      Phone: 'phone',
      Mobile: 'custom',
      'State/Province': 'state',
      'Lead Source': 'leadSource',
      'Lead Status': 'leadStatus',
      Website: 'website',
      Description: 'notes',
      Industry: 'custom',
    });
  });

  it('maps an Apollo people export', async () => {
    expect(await mappingOf('apollo-people.csv')).toMatchObject({
      Company: 'company',
      Email: 'email',
      'Email Status': 'custom',
      'First Phone': 'phone',
      'Person Linkedin Url': 'linkedinUrl',
      'Company Linkedin Url': 'custom',
      Website: 'website',
      Stage: 'leadStatus',
      Title: 'title',
    });
  });

  it("maps LinkedIn's connections export, recognising the profile column by its values", async () => {
    expect(await mappingOf('linkedin-connections.csv')).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      URL: 'linkedinUrl',
      'Email Address': 'email',
      Company: 'company',
      Position: 'title',
      'Connected On': 'custom',
    });
  });

  it('maps German, French and Spanish headers', async () => {
    expect(await mappingOf('excel-german.csv')).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      'E-Mail-Adresse': 'email',
      Telefon: 'phone',
      Firma: 'company',
      Position: 'title',
      Stadt: 'city',
      Land: 'country',
      Quelle: 'leadSource',
      Bemerkung: 'notes',
      Branche: 'custom',
    });
    expect(await mappingOf('excel-spanish.tsv')).toEqual({
      Nombre: 'firstName',
      Apellido: 'lastName',
      'Correo electrónico': 'email',
      Teléfono: 'phone',
      Empresa: 'company',
      Cargo: 'title',
      Ciudad: 'city',
      País: 'country',
    });
    expect(toMapping(autoMap(['Prénom', 'Nom', 'Courriel', 'Société', 'Poste', 'Ville']))).toEqual({
      Prénom: 'firstName',
      Nom: 'lastName',
      Courriel: 'email',
      Société: 'company',
      Poste: 'title',
      Ville: 'city',
    });
  });

  it('gives fuzzy matches a lower confidence than known names, and leaves nonsense unmapped', () => {
    const matches = autoMap(['Emial Adress', 'Compnay', 'Favourite Colour']);
    expect(matches[0]).toMatchObject({ target: 'email', reason: 'fuzzy' });
    expect(matches[0]!.confidence).toBeLessThan(1);
    expect(matches[0]!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(matches[1]).toMatchObject({ target: 'company', reason: 'fuzzy' });
    expect(matches[2]).toMatchObject({ target: 'custom', reason: 'unmapped' });
    expect(autoMap(['Email'])[0]).toMatchObject({ target: 'email', confidence: 1, reason: 'synonym' });
  });

  it('lets overrides win over remembered mappings, and those over automatic ones', () => {
    const auto = autoMap(['Name', 'Mail', 'Segment']);
    const resolved = toMapping(resolveMapping(auto, { Segment: 'leadStatus', Name: 'company' }, { Name: 'fullName' }));
    expect(resolved).toEqual({ Name: 'fullName', Mail: 'email', Segment: 'leadStatus' });
  });

  it('signs a layout by its normalised headers, ignoring the columns of a rejected-rows export', () => {
    expect(headerSignature(['First Name', 'E-Mail'])).toBe(
      headerSignature(['Import row', 'Import error', 'first name', 'e mail']),
    );
    expect(headerSignature(['First Name', 'E-Mail'])).not.toBe(headerSignature(['E-Mail', 'First Name']));
  });
});
