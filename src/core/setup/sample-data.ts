import fs from 'node:fs';
import path from 'node:path';

/** The fictional company the sample research folder is about (resources/sample-data). */
export const SAMPLE_COMPANY = 'Fernhollow Robotics';

/** How sample data is named wherever it appears (notices, command output). */
export const SAMPLE_LABEL = `Sample data: ${SAMPLE_COMPANY} and everyone in it are fictional`;

/** The sample the app ships: a research folder and a lead file, both about fictional companies. */
export interface SampleData {
  /** `resources/sample-data` (in the packaged app, `sample-data` beside the app's resources). */
  root: string;
  researchFolder: string;
  leadsFile: string;
}

export function sampleDataAt(root: string): SampleData {
  return { root, researchFolder: path.join(root, 'research'), leadsFile: path.join(root, 'sample-leads.csv') };
}

/**
 * The sample data of a source checkout or the built command line: `resources/sample-data` in the nearest
 * folder above `from` that has one (src/cli and out/cli sit at different depths once bundled).
 */
export function findSampleData(from: string): SampleData | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const root = path.join(dir, 'resources', 'sample-data');
    if (fs.existsSync(path.join(root, 'sample-leads.csv'))) return sampleDataAt(root);
    if (path.dirname(dir) === dir) return undefined;
  }
}
