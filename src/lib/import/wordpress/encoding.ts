/**
 * The export's bytes → text, in the encoding the file itself gives: a byte order mark, else the
 * XML declaration's `encoding`, else UTF-8 (XML's rules). WordPress writes UTF-8, but exports from
 * old blogs or re-saved by an editor may be ISO-8859-1, Windows-1252 or UTF-16; Node's `TextDecoder`
 * (full ICU) reads them all. An encoding it cannot read is refused by name, and bytes that are not
 * valid in the file's encoding stop the import where they are, rather than becoming "Caf� cr�me".
 */

/** The file's encoding cannot be read, or its bytes do not match it. */
export class ExportEncodingError extends Error {
  /** The decoded text before the bad bytes (within the current chunk), to place the error. */
  readonly textBefore: string;
  constructor(message: string, textBefore = '') {
    super(message);
    this.name = 'ExportEncodingError';
    this.textBefore = textBefore;
  }
}

/** Enough of the file's start to hold its byte order mark and XML declaration. */
const SNIFF_BYTES = 1024;

/** The encoding a byte order mark or the first bytes of `<?xml` show, if any. */
function encodingFromFirstBytes(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return 'utf-16le';
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return 'utf-16be';
  return undefined;
}

/** The `encoding` of an XML declaration at the start of the bytes, read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  return /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(start)?.[1];
}

/** A decoder for the file's encoding, throwing on bytes that are not valid in it. */
function decoderFor(bytes: Uint8Array): { decoder: TextDecoder; name: string } {
  const fromBytes = encodingFromFirstBytes(bytes);
  const declared = declaredEncoding(bytes);
  const label = fromBytes ?? declared ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new ExportEncodingError(
      `the file declares encoding "${label}", which the importer cannot read; save the export as UTF-8 and try again`,
    );
  }
  if (!fromBytes && decoder.encoding.startsWith('utf-16')) {
    throw new ExportEncodingError(
      `the file declares encoding "${label}" but is not UTF-16; correct the encoding in its first line (<?xml … encoding="UTF-8"?>)`,
    );
  }
  return { decoder, name: declared && !fromBytes ? `"${declared}"` : decoder.encoding.toUpperCase() };
}

/** The export's chunks as text; chunks that are text already pass through. */
export async function* decodeExport(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<string> {
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let current: { decoder: TextDecoder; name: string } | undefined;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    current ??= decoderFor(bytes);
    try {
      return current.decoder.decode(bytes, { stream });
    } catch {
      // Decoded again, leniently, only to say where the first bad byte is.
      const lenient = new TextDecoder(current.decoder.encoding).decode(bytes);
      const at = lenient.indexOf('\uFFFD');
      throw new ExportEncodingError(
        `bytes that are not valid ${current.name} text; save the export in the encoding its first line declares, ` +
          `or declare the one it is in (<?xml version="1.0" encoding="windows-1252"?>)`,
        lenient.slice(0, Math.max(at, 0)),
      );
    }
  };
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    if (!current) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength < SNIFF_BYTES) continue;
      const joined = Buffer.concat(pending);
      pending = [];
      yield decode(joined, true);
      continue;
    }
    yield decode(chunk, true);
  }
  if (pendingLength > 0 && !current) yield decode(Buffer.concat(pending), true);
  if (current) yield decode(new Uint8Array(), false);
}
