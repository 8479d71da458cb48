import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import { route } from "@/lib/http/route";

export const GET = route({ roles: "public", query: z.object({}), run: async () => openApiDocument() });
