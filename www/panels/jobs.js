// The jobs panel: client.jobList, jobTrendList, jobsCount and jobsSend.

import { h, render, renderers, tid } from "../lib/dom.js";
import { fmt, t } from "../lib/i18n.js";
import { state } from "../lib/state.js";
import { infoBox, run, sentBox, showCount } from "../lib/ui.js";
import { refreshCredit } from "./credit.js";

async function loadJobs() {
  const out = tid("jobs-out");
  const res = await run(out, tid("jobs-load"), async () => {
    const jobs = await state.client.jobList();
    const trends = jobs.length ? await state.client.jobTrendList(Number(jobs[0].id)) : [];
    return { jobs, trends };
  });
  if (!res) return;
  tid("jobs-select").replaceChildren(...res.jobs.map((j) => h("option", { value: j.id }, `${j.title} (#${j.id})`)));
  drawTrends(res.trends);
  render(out, () => infoBox(res.jobs.length ? t("loaded", { n: fmt(res.jobs.length) }) : t("emptyList")));
}

function drawTrends(list) {
  tid("jobs-trends").replaceChildren(...list.map((tr) => h("label", { class: "inline check" },
    h("input", { type: "checkbox", value: tr.id, "data-testid": "jobs-trend" }), ` ${tr.title}`)));
  const count = tid("jobs-count-value");
  count.textContent = "";
  delete count.dataset.value;
  renderers.delete(count);
}

async function loadTrends() {
  const out = tid("jobs-out");
  const list = await run(out, null, () => state.client.jobTrendList(Number(tid("jobs-select").value)));
  if (!list) return;
  drawTrends(list);
  if (!list.length) render(out, () => infoBox(t("noTrends")));
}

function pickedTrends() {
  return [...document.querySelectorAll('[data-testid="jobs-trend"]:checked')].map((c) => Number(c.value));
}

async function onJobsCount() {
  const out = tid("jobs-out");
  const trendIds = pickedTrends();
  const n = await run(out, tid("jobs-count"), () => state.client.jobsCount({ trendIds }));
  if (n !== undefined) showCount(tid("jobs-count-value"), n);
}

async function onJobsSend(e) {
  e.preventDefault();
  const out = tid("jobs-out");
  const res = await run(out, tid("jobs-submit"), () => state.client.jobsSend({
    from: state.settings.from, message: tid("jobs-message").value,
    jobId: Number(tid("jobs-select").value), trendIds: pickedTrends(),
  }));
  if (res) { render(out, () => sentBox(res.bulkId)); refreshCredit(); }
}

export function init() {
  tid("jobs-load").addEventListener("click", loadJobs);
  tid("jobs-select").addEventListener("change", loadTrends);
  tid("jobs-count").addEventListener("click", onJobsCount);
  document.querySelector("#jobs-form").addEventListener("submit", onJobsSend);
  tid("jobs-message").value = "ippanel-wasm";
}
