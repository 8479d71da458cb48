import { db } from "@/db";
import { actorRoute } from "@/lib/actions/actor-route";
import { serveCreativeFile } from "@/lib/creatives/serve-creative-file";

/** A creative's uploaded file, for people who may see the creative (see serveCreativeFile). */
export const GET = actorRoute<{ id: string }>((actor, _request, { id }) => serveCreativeFile(db, actor, id));
