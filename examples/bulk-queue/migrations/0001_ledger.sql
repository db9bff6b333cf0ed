-- The ledger: one row per campaign, one row per batch of recipients (one `send` call each).
-- Applied by `wrangler d1 migrations apply DB` (--local for wrangler dev, --remote for Cloudflare).

CREATE TABLE campaigns (
  id          TEXT PRIMARY KEY,          -- random id handed back by POST /api/campaigns
  created_at  INTEGER NOT NULL,          -- ms since the epoch
  sender      TEXT NOT NULL,             -- the ippanel line (`from`)
  message     TEXT NOT NULL,
  send_time   TEXT,                      -- scheduled send time as the client takes it, or NULL
  parts       INTEGER NOT NULL,          -- SMS parts per recipient (smsParts)
  recipients  INTEGER NOT NULL,          -- after normalization and dropping duplicates
  duplicates  INTEGER NOT NULL,          -- numbers dropped as repeats
  batch_size  INTEGER NOT NULL,
  batches     INTEGER NOT NULL,
  cancelled_at INTEGER                   -- set by POST /api/campaigns/:id/cancel
);

CREATE TABLE batches (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  seq         INTEGER NOT NULL,          -- 0-based position in the campaign
  -- queued -> sending -> sent | failed | unknown; queued -> cancelled | failed (dead letter)
  state       TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown', 'cancelled')),
  recipients  TEXT NOT NULL,             -- JSON array of +98 numbers
  size        INTEGER NOT NULL,          -- number of recipients
  deliveries  INTEGER NOT NULL DEFAULT 0, -- queue deliveries that reached the claim
  claim       TEXT,                      -- token of the delivery that moved it to `sending`
  bulk_id     TEXT,                      -- the service's id once `sent`
  error_kind  TEXT,                      -- IppanelError kind, or our own (`interrupted`, `dead-letter`)
  error_code  TEXT,
  error_message TEXT,
  enqueued_at INTEGER,                   -- last time a message for it was put on the queue
  claimed_at  INTEGER,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, seq)
) WITHOUT ROWID;

-- The credit check sums what is still to be sent; the sweep looks for stale queued/sending rows.
CREATE INDEX batches_by_state ON batches (state, campaign_id);
