// Stamps every entry of a zip archive with one date, so that an .xlsx is byte-for-byte a function of
// its input. exceljs hands its parts to archiver without a date, and archiver stamps the wall clock.
// Only the DOS date/time fields of the headers change; sizes, CRCs and offsets stay valid.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/**
 * Rewrites, in place, the modification time of each entry to `date` as wall time in Viet Nam (a zip
 * stores local time without a zone). Archives it does not understand (zip64, damaged) are left as
 * they are: the stamp is a nicety, never a reason to fail an export.
 */
export function pinZipDates(zip: Buffer, date: Date): Buffer {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return zip;
  const entries = zip.readUInt16LE(eocd + 10);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return zip;
  const { time, day } = dosDateTime(date);
  let at = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) return zip;
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) return zip;
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/** MS-DOS date and time (2-second resolution, years 1980–2107) of the Viet Nam wall time at `date`. */
function dosDateTime(date: Date): { time: number; day: number } {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  const year = Math.min(2107, Math.max(1980, vn.getUTCFullYear()));
  return {
    time: (vn.getUTCHours() << 11) | (vn.getUTCMinutes() << 5) | Math.floor(vn.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((vn.getUTCMonth() + 1) << 5) | vn.getUTCDate(),
  };
}
