import { z } from 'zod';

/**
 * Length limits for the strings the renderer sends. A page that misbehaves (or a script injected into it)
 * could otherwise hand main megabytes in one field and have it searched, logged or stored; every request
 * string is bounded, and the contract test walks every channel to keep it so.
 */
export const MAX_ID_TEXT = 100;
export const MAX_NAME = 200;
export const MAX_SEARCH = 500;
export const MAX_CELL = 10_000;

/** Ids the caller makes up (job and lookup ids), sheet names, component names. */
export const idText = z.string().max(MAX_ID_TEXT);
/** Names: templates, companies, columns, filters. */
export const nameText = z.string().max(MAX_NAME);
/** What an analyst types into a search box. */
export const searchText = z.string().max(MAX_SEARCH);
/** A spreadsheet cell fixed by hand. */
export const cellText = z.string().max(MAX_CELL);
