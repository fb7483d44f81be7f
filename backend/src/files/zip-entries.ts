// The names of the files inside a ZIP archive, read from its central directory (the archive's own
// table of contents), without inflating anything. Enough to tell a DOCX from any other ZIP.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** True when the bytes start like a ZIP archive (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL_HEADER;
}

/** The entry names, or null when the central directory is missing or damaged. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const data = view(bytes);
  const end = findEndOfDirectory(data);
  if (end === null) return null;
  const count = data.getUint16(end + 10, true);
  let offset = data.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.byteLength || data.getUint32(offset, true) !== CENTRAL_HEADER) return null;
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    const nameStart = offset + 46;
    if (nameStart + nameLength > data.byteLength) return null;
    names.push(decoder.decode(bytes.subarray(nameStart, nameStart + nameLength)));
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The end-of-central-directory record sits in the last 22 bytes plus an optional comment. */
function findEndOfDirectory(data: DataView): number | null {
  const lowest = Math.max(0, data.byteLength - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = data.byteLength - END_RECORD_SIZE; at >= lowest; at--) {
    if (data.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return null;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
