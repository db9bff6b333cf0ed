// Bulk SMS campaigns on Cloudflare Queues and D1, every recipient texted at most once.
// One Worker is both the campaign API and the queue consumer (see README.md):
//
//   POST /api/campaigns               { from, message, to: [...], time?, batchSize? } → 202 { campaignId, recipients, batches, … }
//   GET  /api/campaigns/:id           counts by state, `done`
//   GET  /api/campaigns/:id/batches   ?state=unknown&after=<seq>&limit=100 → batches with recipients and errors
//   POST /api/campaigns/:id/cancel    stops the batches not yet claimed
//   POST /api/sweep                   { requeueAfterSeconds?, sendingAfterSeconds? } (also run by the cron trigger)
//
// Every /api/ call needs `Authorization: Bearer <CAMPAIGN_TOKEN>`.

import { campaignBatches, campaignStatus, cancelCampaign, createCampaign, sweep, sweepRequest } from "./api.js";
import { consume } from "./consumer.js";
import { HttpError, json, notFound, requireToken } from "./http.js";

const CAMPAIGN_PATH = /^\/api\/campaigns\/([0-9a-f-]{36})(\/batches|\/cancel)?$/;

async function route(request, env) {
  const url = new URL(request.url);
  const { pathname } = url;
  if (pathname === "/healthz") return json(200, { ok: true });
  if (!pathname.startsWith("/api/")) throw notFound();
  await requireToken(request, env);
  const method = request.method;
  const allow = (expected) => {
    if (method !== expected) {
      throw new HttpError(405, "method", null, `use ${expected}`, `از ${expected} استفاده کنید`, {}, { Allow: expected });
    }
  };
  if (pathname === "/api/campaigns") {
    allow("POST");
    return createCampaign(request, env);
  }
  if (pathname === "/api/sweep") {
    allow("POST");
    return sweepRequest(request, env);
  }
  const m = pathname.match(CAMPAIGN_PATH);
  if (!m) throw notFound();
  const [, id, action] = m;
  if (action === "/cancel") {
    allow("POST");
    return cancelCampaign(env, id);
  }
  allow("GET");
  return action === "/batches" ? campaignBatches(env, id, url) : campaignStatus(env, id);
}

export default {
  async fetch(request, env) {
    try {
      return await route(request, env);
    } catch (err) {
      if (err instanceof HttpError) return err.toResponse();
      console.error("request failed: " + String(err?.message ?? err));
      return json(500, { error: { kind: "internal", code: null, message: "internal error", messageFa: "خطای داخلی" } });
    }
  },

  async queue(batch, env) {
    await consume(batch, env);
  },

  async scheduled(_controller, env) {
    console.log("sweep " + JSON.stringify(await sweep(env)));
  },
};
