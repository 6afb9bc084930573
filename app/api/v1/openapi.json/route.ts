// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (lib/api/openapi.ts).
// Public, like any API description: it holds no data.
import { openApiDocument } from "@/lib/api/openapi";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "no-cache" } });
}
