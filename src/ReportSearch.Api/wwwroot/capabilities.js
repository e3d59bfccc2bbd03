// What this server allows (GET /api/capabilities): edit mode and uploads are offered only where writes can work.
import { getJson } from './api.js';

let capabilities = null;

/** { writes, maxUploadBytes, uploadFormats }; a server that cannot say is taken as read-only. */
export async function loadCapabilities() {
  if (capabilities) return capabilities;
  try {
    capabilities = await getJson('/api/capabilities');
  } catch {
    capabilities = { writes: false, maxUploadBytes: 0, uploadFormats: [] };
  }
  return capabilities;
}
