// Baseline for the cold-start figure: a plain JS module doing what smsParts does (roughly).
const GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
export function smsParts(text) {
  const gsm = [...text].every((c) => GSM.includes(c));
  const length = text.length, single = gsm ? 160 : 70, multi = gsm ? 153 : 67;
  const parts = length === 0 ? 0 : length <= single ? 1 : Math.ceil(length / multi);
  const perPart = parts > 1 ? multi : single;
  return { encoding: gsm ? "gsm7" : "ucs2", length, parts, perPart, remaining: parts ? parts * perPart - length : perPart };
}
