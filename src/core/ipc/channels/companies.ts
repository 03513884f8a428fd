import { z } from 'zod';
import { channel } from '../define';
import { idText, nameText } from '../limits';
import { fileTokenSchema } from '../file-tokens';
import { columnMappingSchema } from '../../leads/fields';
import {
  MAX_BATCH_COMPANIES,
  companyCountQuerySchema,
  companyListQuerySchema,
  companyRowSchema,
} from '../../companies/company-schemas';
import { importSummarySchema } from './leads';

/** The Companies screen: every company researched or imported, and imports of company lists. */
export const companyChannels = {
  /** One page of the list; the total is asked apart (`companies:count`), once per query. */
  'companies:list': channel(companyListQuerySchema, z.object({ rows: z.array(companyRowSchema) })),
  'companies:count': channel(companyCountQuerySchema, z.object({ total: z.number().int() })),
  /** "Select all matching": a filter's companies (id and name), as many as one lookup batch takes. */
  'companies:ids': channel(
    companyCountQuerySchema,
    z.object({
      companies: z.array(z.object({ id: z.number().int(), name: z.string() })).max(MAX_BATCH_COMPANIES),
      total: z.number().int(),
    }),
  ),
  /** A CSV/XLSX of company names and/or websites (a token from main's file dialog); undone with `imports:undo`. */
  'companies:import': channel(
    z.object({
      file: fileTokenSchema,
      sheet: idText.optional(),
      overrides: z.record(nameText, columnMappingSchema.valueType).optional(),
    }),
    importSummarySchema,
  ),
};
