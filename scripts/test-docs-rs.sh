#!/usr/bin/env bash
# Builds the crate's docs the way docs.rs will ([package.metadata.docs.rs] in Cargo.toml: the
# wasm32 target first, then x86_64, with `--cfg docsrs`), warnings denied, and checks that the
# Rust API's client types and every request type are in them. docs.rs uses a nightly rustdoc;
# this machine has stable, so RUSTC_BOOTSTRAP lets the one nightly feature the docs use
# (`doc_cfg`, the "available on wasm32 only" badges) through.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/docs-rs
targets=$(sed -n 's/^targets = \[\(.*\)\]$/\1/p' Cargo.toml | tr -d '",')
[ -n "$targets" ] || { echo "Cargo.toml has no [package.metadata.docs.rs] targets"; exit 1; }
for target in $targets; do
  RUSTC_BOOTSTRAP=1 RUSTDOCFLAGS="--cfg docsrs -D warnings" \
    cargo doc --quiet --no-deps -p ippanel-wasm --target "$target" --target-dir "$out"
done
# The default page (the first target) must show the whole Rust API; the native page its helpers.
first=$(echo "$targets" | awk '{print $1}')
missing=0
for item in struct.Client struct.Config struct.WaitOptions struct.BulkReport struct.Error enum.ErrorKind \
  struct.SendRequest struct.SendPatternRequest struct.PostalCodeSendRequest struct.PostalCodeCountRequest \
  struct.BookSendRequest struct.JobsSendRequest struct.JobsCountRequest struct.NewUserRequest \
  struct.SendBulkRequest fn.normalize_mobile fn.sms_parts; do
  [ -f "$out/$first/doc/ippanel_wasm/$item.html" ] || { echo "docs ($first): $item missing"; missing=$((missing + 1)); }
done
# The Edge API's module: its client, pager and every request type.
for item in struct.Client struct.Config struct.Pager fn.read_request struct.SendRequest struct.SendPeerToPeerRequest \
  struct.SendPatternRequest struct.SendVoiceOtpRequest struct.SendPostalCodeRequest struct.SendCountryRequest \
  struct.SendGeolocationRequest struct.SendJobRequest struct.SendPhonebookRequest struct.SendKeywordPhonebookRequest \
  struct.CalculatePriceRequest struct.OutboxRequest struct.RecipientsRequest struct.InboxRequest struct.PatternsRequest \
  struct.CreatePatternRequest struct.NumbersRequest struct.PhonebooksRequest struct.PhonebookContactsRequest \
  struct.BankCountsRequest struct.JobNumberCountRequest struct.Page struct.Sent; do
  [ -f "$out/$first/doc/ippanel_wasm/edge/$item.html" ] || { echo "docs ($first): edge::$item missing"; missing=$((missing + 1)); }
done
grep -q 'Available on <strong>WebAssembly' "$out/$first/doc/ippanel_wasm/struct.Client.html" 2>/dev/null \
  || { echo "docs ($first): Client is not marked as available on wasm32 only"; missing=$((missing + 1)); }
for item in fn.normalize_mobile fn.sms_parts fn.tehran_time struct.SendRequest; do
  [ -f "$out/x86_64-unknown-linux-gnu/doc/ippanel_wasm/$item.html" ] || { echo "docs (x86_64): $item missing"; missing=$((missing + 1)); }
done
[ "$missing" = 0 ] || exit 1
echo "docs.rs build: $(echo $targets | wc -w) targets, every API item present"
