// How many SMS parts a text takes (GSM 03.38): GSM-7 text is 160 characters in one part and
// 153 per part when split, extension characters counting two; anything else is UCS-2, 70 and 67,
// in UTF-16 units. Both of the sandbox's APIs price sends by it.

const GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXT = "^{}\\[~]|€\f";
export function countParts(text) {
  let septets = 0;
  for (const ch of text) {
    if (GSM.includes(ch)) septets += 1;
    else if (GSM_EXT.includes(ch)) septets += 2;
    else { const units = text.length; return units <= 70 ? 1 : Math.ceil(units / 67); }
  }
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}
