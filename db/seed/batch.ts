// Postgres allows 65,535 bind parameters per statement; rows × columns stays well below that.
const maxParameters = 30_000;

const chunkSize = (rows: object[]) =>
  Math.max(1, Math.floor(maxParameters / Math.max(1, Object.keys(rows[0]).length)));

/** Runs one multi-row insert per chunk. */
export async function insertInChunks<R extends object>(rows: R[], run: (chunk: R[]) => PromiseLike<unknown>) {
  if (rows.length === 0) return;
  const size = chunkSize(rows);
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

/**
 * Inserts in chunks and returns the new ids in the order of `rows`: identity values are
 * handed out in insertion order within a session, so sorting them restores that order.
 */
export async function insertReturningIds<R extends object>(
  rows: R[],
  run: (chunk: R[]) => PromiseLike<{ id: number }[]>,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const size = chunkSize(rows);
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const inserted = await run(rows.slice(i, i + size));
    ids.push(...inserted.map((row) => row.id).sort((a, b) => a - b));
  }
  if (ids.length !== rows.length) throw new Error(`Expected ${rows.length} ids, got ${ids.length}`);
  return ids;
}
