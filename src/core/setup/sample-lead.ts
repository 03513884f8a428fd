/**
 * The Lead Source every row of the sample lead file carries (resources/sample-data/sample-leads.csv). A
 * lead is shown as sample data by this stored value, so the label follows the lead wherever it appears
 * (table, detail, drafts) and survives a rename of the person or company.
 */
export const SAMPLE_LEAD_SOURCE = 'Sample data';

/** How a sample lead is described beside its "Sample" badge. */
export const SAMPLE_LEAD_TITLE = 'Sample data: a fictional person at a fictional company';

export function isSampleLead(lead: { source: string | null }): boolean {
  return lead.source === SAMPLE_LEAD_SOURCE;
}
