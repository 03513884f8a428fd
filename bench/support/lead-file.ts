// Writes the import bench's lead file: `node --import tsx bench/support/lead-file.ts <file> <rows>`. A script,
// run by the bench in a child process: generating 1,000,000 rows in the bench's own thread left its heap
// ≈ 80 MB larger when the import started, which the import's peak RSS then counted (docs/benchmarks.md,
// Issue 15 session 11).
import { once } from 'node:events';
import fs from 'node:fs';

const HEADER =
  'First Name,Last Name,Email,Phone,Company,Title,Website,LinkedIn URL,City,State,Country,Lead Source,Lead Status,Notes,Industry';

async function generate(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < rows; i++) {
    const company = i % 50_000;
    const line = `First${i},"Last, ${i}",person${i}@company${company}.com,+1 415 555 ${String(i % 10_000).padStart(4, '0')},Company ${company} Inc,"Head of ""Sales""",https://company${company}.com,https://linkedin.com/in/p${i},San Francisco,CA,USA,Web,New,"Met at a conference, ${i % 7} follow-ups",Software\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const [file, rows] = process.argv.slice(2);
if (!file || !Number.isInteger(Number(rows))) throw new Error('usage: lead-file.ts <file> <rows>');
await generate(file, Number(rows));
