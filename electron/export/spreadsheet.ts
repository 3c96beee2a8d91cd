/**
 * The evidence table as an .xlsx workbook (write-excel-file): every cell a string cell,
 * already neutralised against formula injection (shared/export/evidence.ts), the header
 * row bold and kept in view. The library loads at the first XLSX export.
 */
const WIDTHS: Record<string, number> = { Claim: 48, Quote: 64, Source: 36, Note: 36, Tags: 24 };

/** The rows (header first) as an .xlsx file's bytes. */
export async function toXlsx(rows: readonly (readonly string[])[], sheet = 'Evidence'): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const header = rows[0] ?? [];
  const data = rows.map((r, i) => r.map((value) => ({ value, type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) })));
  return writeXlsxFile(data, { sheet, stickyRowsCount: 1, columns: header.map((h) => ({ width: WIDTHS[h] ?? 14 })) }).toBuffer();
}
