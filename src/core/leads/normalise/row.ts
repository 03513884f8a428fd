import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';
import { restoreNeutralisedFormula } from '../../export/csv';
import type { ColumnTarget, LeadField } from '../fields';
import type { SourceRow } from '../read/table';
import { companyKey, domainFromEmail, domainFromWebsite, EMAIL_ADDRESS, emailKey, fullNameKey } from './keys';
import { completeName } from './names';
import { phoneE164 } from './phone';

/** A problem with one cell or row, located as the analyst finds it in their spreadsheet. */
export interface RowIssue {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
}

/** A valid row, normalised: what the import writes. */
export interface LeadRecord {
  rowNumber: number;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  fullNameKey: string | null;
  email: string | null;
  emailKey: string | null;
  phone: string | null;
  phoneRaw: string | null;
  company: string | null;
  companyKey: string | null;
  domain: string | null;
  title: string | null;
  website: string | null;
  linkedinUrl: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  leadSource: string | null;
  leadStatus: string | null;
  notes: string | null;
  customFields: Array<[name: string, value: string]>;
}

export type RowOutcome =
  | { kind: 'lead'; lead: LeadRecord; warnings: RowIssue[] }
  | { kind: 'rejected'; errors: RowIssue[]; warnings: RowIssue[]; raw: Record<string, string> };

const text = z.string().optional();
/** The per-row contract: a present email must be an address; a lead needs an email or a name with a company. */
const rowSchema = z
  .object({
    firstName: text,
    lastName: text,
    fullName: text,
    email: z
      .email({ pattern: EMAIL_ADDRESS, error: (issue) => `"${String(issue.input)}" is not a valid email address` })
      .optional(),
    phone: text,
    company: text,
    title: text,
    website: text,
    linkedinUrl: text,
    city: text,
    state: text,
    country: text,
    leadSource: text,
    leadStatus: text,
    notes: text,
  })
  .refine((row) => row.email !== undefined || ((row.fullName || row.firstName || row.lastName) && row.company), {
    error: 'has no email, and no name together with a company: one of the two is needed to identify the lead',
    path: ['email'],
  });

/** Turns data rows into lead records or rejections, for one file's columns and mapping. */
export class RowNormaliser {
  private readonly fieldColumns = new Map<LeadField, number>();
  private readonly customColumns: number[] = [];

  constructor(
    private readonly headers: readonly string[],
    private readonly targets: readonly ColumnTarget[],
    private readonly phoneRegion: CountryCode,
  ) {
    targets.forEach((target, index) => {
      if (target === 'custom') this.customColumns.push(index);
      else if (target !== 'skip') this.fieldColumns.set(target, index);
    });
  }

  normalise(row: SourceRow): RowOutcome {
    const input: Partial<Record<LeadField, string>> = {};
    for (const [field, index] of this.fieldColumns) {
      const value = cellValue(row.cells[index]);
      if (value) input[field] = value;
    }
    // What the reader repaired (a stray quote, a NUL byte) is told whether the row is then kept or rejected.
    const warnings = (row.warnings ?? []).map((warning) =>
      this.cellIssue(row.rowNumber, warning.cell, warning.message),
    );
    const parsed = rowSchema.safeParse(input);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) =>
        this.issue(row.rowNumber, String(issue.path[0] ?? ''), issue.message),
      );
      return { kind: 'rejected', errors, warnings, raw: this.raw(row) };
    }
    const lead = this.toLead(row, parsed.data, warnings);
    return { kind: 'lead', lead, warnings };
  }

  private toLead(row: SourceRow, data: z.output<typeof rowSchema>, warnings: RowIssue[]): LeadRecord {
    const name = completeName(data);
    const email = data.email ?? null;
    const phone = data.phone ? phoneE164(data.phone, this.phoneRegion) : null;
    if (data.phone && !phone) {
      warnings.push(
        this.issue(
          row.rowNumber,
          'phone',
          `"${data.phone}" is not a phone number for region ${this.phoneRegion}; kept as written`,
        ),
      );
    }
    const domain = (data.website && domainFromWebsite(data.website)) || (email ? domainFromEmail(email) : undefined);
    return {
      rowNumber: row.rowNumber,
      firstName: name.firstName ?? null,
      lastName: name.lastName ?? null,
      fullName: name.fullName ?? null,
      fullNameKey: name.fullName ? fullNameKey(name.fullName) : null,
      email,
      emailKey: email ? emailKey(email) : null,
      phone,
      phoneRaw: data.phone ?? null,
      company: data.company ?? null,
      companyKey: data.company ? companyKey(data.company) : null,
      domain: domain ?? null,
      title: data.title ?? null,
      website: data.website ?? null,
      linkedinUrl: data.linkedinUrl ?? null,
      city: data.city ?? null,
      state: data.state ?? null,
      country: data.country ?? null,
      leadSource: data.leadSource ?? null,
      leadStatus: data.leadStatus ?? null,
      notes: data.notes ?? null,
      customFields: this.customFields(row, warnings),
    };
  }

  /** Unmapped columns, and cells of a ragged row beyond the header, are kept as custom fields. */
  private customFields(row: SourceRow, warnings: RowIssue[]): Array<[string, string]> {
    const fields: Array<[string, string]> = [];
    for (const index of this.customColumns) {
      const value = cellValue(row.cells[index]);
      if (value) fields.push([this.headers[index]!, value]);
    }
    for (let index = this.headers.length; index < row.cells.length; index++) {
      const value = cellValue(row.cells[index]);
      if (!value) continue;
      const name = `Column ${index + 1}`;
      fields.push([name, value]);
      warnings.push({
        row: row.rowNumber,
        column: name,
        field: null,
        message: `the row has more cells than the header; kept as custom field "${name}"`,
      });
    }
    return fields;
  }

  private issue(rowNumber: number, field: string, message: string): RowIssue {
    const index = this.fieldColumns.get(field as LeadField);
    return { row: rowNumber, column: index === undefined ? null : this.headers[index]!, field: field || null, message };
  }

  private cellIssue(rowNumber: number, cell: number, message: string): RowIssue {
    const target = this.targets[cell];
    const field = target && target !== 'custom' && target !== 'skip' ? target : null;
    return { row: rowNumber, column: cell < 0 ? null : (this.headers[cell] ?? `Column ${cell + 1}`), field, message };
  }

  private raw(row: SourceRow): Record<string, string> {
    const raw: Record<string, string> = {};
    const width = Math.max(this.headers.length, row.cells.length);
    for (let index = 0; index < width; index++)
      raw[this.headers[index] ?? `Column ${index + 1}`] = row.cells[index] ?? '';
    return raw;
  }
}

/** Trimmed, with the formula guard of our own CSV exports taken off again. */
function cellValue(cell: string | undefined): string {
  return cell ? restoreNeutralisedFormula(cell.trim()) : '';
}
