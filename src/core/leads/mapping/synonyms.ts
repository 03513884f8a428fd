import type { LeadField } from '../fields';

/**
 * Header names per field, as written by HubSpot, Salesforce, Apollo, LinkedIn Sales Navigator exports,
 * hand-made Excel sheets, and their German, French and Spanish forms. Compared after `normaliseHeader`
 * (lower case, no accents, no punctuation or spaces), so "E-Mail-Adresse" matches "emailadresse".
 */
export const FIELD_SYNONYMS: Record<LeadField, readonly string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'first', 'forename', 'vorname', 'prenom', 'nombre', 'nombre de pila', 'contact first name'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last', 'nachname', 'familienname', 'nom', 'nom de famille', 'apellido', 'apellidos', 'contact last name'],
  fullName: ['name', 'full name', 'contact name', 'contact', 'lead name', 'person', 'vollstandiger name', 'nom complet', 'nombre completo', 'ansprechpartner', 'kontakt'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'work email', 'business email', 'primary email', 'contact email', 'emails', 'e-mail-adresse', 'mail', 'courriel', 'adresse e-mail', 'adresse email', 'correo', 'correo electronico', 'email 1'],
  phone: ['phone', 'phone number', 'first phone', 'telephone', 'tel', 'mobile', 'mobile phone', 'mobile phone number', 'cell', 'work phone', 'direct phone', 'corporate phone', 'business phone', 'telefon', 'telefonnummer', 'handy', 'mobil', 'telephone portable', 'numero de telephone', 'portable', 'telefono', 'movil', 'celular'],
  company: ['company', 'company name', 'company / account', 'account name', 'account', 'organization', 'organisation', 'organization name', 'employer', 'current company', 'associated company', 'firma', 'unternehmen', 'firmenname', 'entreprise', 'societe', 'nom de lentreprise', 'empresa', 'compania', 'nombre de la empresa'],
  title: ['title', 'job title', 'position', 'role', 'current title', 'current position', 'headline', 'designation', 'berufsbezeichnung', 'titel', 'funktion', 'stelle', 'poste', 'fonction', 'titre', 'cargo', 'puesto', 'titulo'],
  website: ['website', 'web site', 'url', 'company website', 'website url', 'company domain', 'domain', 'homepage', 'web', 'webseite', 'internetseite', 'site web', 'site internet', 'sitio web', 'pagina web'],
  linkedinUrl: ['linkedin', 'linkedin url', 'linkedin profile', 'person linkedin url', 'linkedin profile url', 'profile url', 'linkedin link', 'linkedin member profile url', 'profil linkedin', 'perfil de linkedin'],
  city: ['city', 'town', 'mailing city', 'stadt', 'ort', 'ville', 'ciudad', 'localidad'],
  state: ['state', 'region', 'province', 'state/region', 'state/province', 'mailing state/province', 'county', 'bundesland', 'provinz', 'etat', 'departement', 'estado', 'provincia'],
  country: ['country', 'country/region', 'mailing country', 'nation', 'land', 'pays', 'pais'],
  leadSource: ['lead source', 'source', 'original source', 'lead origin', 'quelle', 'lead-quelle', 'herkunft', 'source du lead', 'origine', 'fuente', 'origen', 'fuente del lead'],
  leadStatus: ['lead status', 'status', 'stage', 'lifecycle stage', 'lead stage', 'contact stage', 'statut', 'statut du lead', 'estado del lead', 'etapa'],
  notes: ['notes', 'note', 'description', 'comments', 'comment', 'remarks', 'notizen', 'notiz', 'bemerkung', 'bemerkungen', 'kommentar', 'remarques', 'commentaire', 'commentaires', 'notas', 'comentarios', 'observaciones'],
};

/** Lower case, accents removed, only letters and digits: "E-Mail-Adresse" → "emailadresse". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
