/**
 * Heap limits of the import's threads (the one that writes and the one that reads and normalises beside it).
 * They stream, so they need little: low limits make V8 collect early (peak RSS at 100,000 rows fell from 374
 * to 293 MB with the old generation at 128 MB, measured), and a 4 MB young generation instead of 16 keeps the
 * two threads' heaps at 22 + 28 MB instead of 34 + 39 (measured at the end of a 100,000-row import). An XLSX
 * workbook's shared strings are held whole by exceljs, hence the old generation's headroom.
 */
export const IMPORT_WORKER_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 4 };
