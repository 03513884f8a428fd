import fs from 'node:fs';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte order mark to skip at the start of the file. */
  bomLength: number;
}

const SAMPLE_BYTES = 256 * 1024;

/** Bytes 0x80–0x9F that Windows-1252 prints (€, curly quotes, dashes...); in Latin-1 they are control codes. */
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * The text encoding of a spreadsheet export, from its first bytes: a byte order mark names UTF-8 or UTF-16
 * (Excel's "Unicode Text"); otherwise valid UTF-8 is UTF-8, and anything else is the Windows-1252 that
 * Excel and Outlook write on Western systems, or Latin-1 when no byte needs Windows-1252.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (isUtf8(sample)) return { encoding: 'utf-8', bomLength: 0 };
  const needsWindows1252 = sample.some((byte) => byte >= 0x80 && byte <= 0x9f && !UNDEFINED_IN_WINDOWS_1252.has(byte));
  return { encoding: needsWindows1252 ? 'windows-1252' : 'iso-8859-1', bomLength: 0 };
}

export function detectFileEncoding(file: string): DetectedEncoding {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const length = fs.readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return detectEncoding(buffer.subarray(0, length));
  } finally {
    fs.closeSync(fd);
  }
}

function isUtf8(sample: Uint8Array): boolean {
  // A sample cut from a longer file may end inside a multi-byte character: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < sample.length + 1; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      if (sample.length < SAMPLE_BYTES) return false;
    }
  }
  return false;
}
