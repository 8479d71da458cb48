import { db } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { serveCreativeFile } from "@/lib/creatives/serve-creative-file";

/** A creative's uploaded file, for people who may see the creative (see serveCreativeFile). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveCreativeFile(db, await currentActor(), id);
}
