// The sign-up page: a live strength meter and PIN check, and the submission. No framework, no inline script.
// Passwords and PINs go only to this site's own endpoints, in POST bodies (never in a URL).
"use strict";

const text = {
  ja: {
    title: "口座開設", loginId: "ログインID", email: "メールアドレス", password: "パスワード", show: "表示する",
    birthDate: "生年月日", pin: "取引暗証番号(数字4桁)", submit: "申し込む",
    lead: "ログインIDとパスワード、取引暗証番号を決めてください。パスワードは他のサービスと使い回さないでください。",
    footer: "パスワードと暗証番号はこのサイトにだけ送られ、記録されません。",
    scores: ["とても弱い", "弱い", "普通", "強い", "とても強い"], strength: "強度: ",
    policyOk: "登録できるパスワードです。", policyNo: "このままでは登録できません。",
    contextFlag: "パスワードにログインIDかメールアドレスが含まれています。",
    pinOk: "推測されにくい暗証番号です。", failed: "確認できませんでした。時間をおいて試してください。",
  },
  en: {
    title: "Open an account", loginId: "Login ID", email: "E-mail address", password: "Password", show: "Show",
    birthDate: "Date of birth", pin: "Trading PIN (4 digits)", submit: "Apply",
    lead: "Choose a login ID, a password and a trading PIN. Do not reuse a password from another service.",
    footer: "Your password and PIN are sent only to this site and never recorded.",
    scores: ["Very weak", "Weak", "Fair", "Strong", "Very strong"], strength: "Strength: ",
    policyOk: "This password can be used.", policyNo: "This password cannot be used yet.",
    contextFlag: "The password contains your login ID or e-mail address.",
    pinOk: "A PIN that is hard to guess.", failed: "Could not check. Please try again later.",
  },
};

let lang = "ja";
const $ = id => document.getElementById(id);
const field = name => $(name).value;

function debounce(fn, ms) {
  let timer;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": lang },
    body: JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
  return { status: response.status, body: response.status === 429 ? null : await response.json() };
}

function userInputs() {
  const email = field("email");
  return [field("loginId"), email, email.split("@")[0]].filter(s => s.length > 0);
}

let meterRequest = 0;
async function updateMeter() {
  const meter = $("meter");
  const password = field("password");
  const id = ++meterRequest;
  if (password.length === 0) {
    meter.removeAttribute("data-score");
    for (const part of ["meter-label", "meter-warning"]) $(part).textContent = "";
    $("meter-flag").hidden = true;
    $("meter-suggestions").replaceChildren();
    return;
  }
  let answer;
  try { answer = await post("/api/password-strength", { password, userInputs: userInputs() }); } catch { answer = { body: null }; }
  if (id !== meterRequest) return; // a newer keystroke already asked
  const t = text[lang];
  if (!answer.body) { $("meter-label").textContent = t.failed; return; }
  const r = answer.body;
  meter.dataset.score = r.score;
  meter.dataset.compliant = r.compliant;
  $("meter-label").textContent = t.strength + t.scores[r.score] + " — " + (r.compliant ? t.policyOk : t.policyNo);
  // The policy refuses a password that is only the login ID or e-mail; the flag also warns when one is inside it.
  const fold = s => s.normalize("NFKC").toLowerCase();
  const inside = userInputs().some(word => word.length >= 3 && fold(password).includes(fold(word)));
  const flagged = inside || r.violations.some(v => v.code === "ContextWord");
  $("meter-flag").hidden = !flagged;
  $("meter-flag").textContent = flagged ? t.contextFlag : "";
  const reasons = r.violations.filter(v => v.code !== "ContextWord").map(v => v.message);
  $("meter-warning").textContent = [r.warning, ...reasons].filter(s => s).join(" ");
  $("meter-suggestions").replaceChildren(...r.suggestions.map(s => Object.assign(document.createElement("li"), { textContent: s })));
}

async function updatePin() {
  const out = $("pin-result");
  if (field("tradingPin").length === 0) { out.textContent = ""; out.className = "pin"; return; }
  let answer;
  try { answer = await post("/api/pin-check", { tradingPin: field("tradingPin"), birthDate: field("birthDate"), password: field("password") }); } catch { answer = { body: null }; }
  const r = answer.body;
  out.className = "pin " + (r && r.ok ? "good" : "bad");
  out.textContent = !r ? text[lang].failed : r.ok ? text[lang].pinOk : r.errors.map(e => e.message).join(" ");
}

const meterSoon = debounce(updateMeter, 300);
const pinSoon = debounce(updatePin, 300);

// While an IME is composing, the text is not final: wait for compositionend.
function onInput(event, soon) { if (!event.isComposing) soon(); }
for (const id of ["password", "loginId", "email"]) {
  $(id).addEventListener("input", e => onInput(e, meterSoon));
  $(id).addEventListener("compositionend", meterSoon);
}
for (const id of ["tradingPin", "birthDate", "password"]) $(id).addEventListener("input", e => onInput(e, pinSoon));

$("show-password").addEventListener("change", e => { $("password").type = e.target.checked ? "text" : "password"; });

$("signup").addEventListener("submit", async event => {
  event.preventDefault();
  const result = $("result");
  let answer;
  try {
    answer = await post("/api/signup", {
      loginId: field("loginId"), email: field("email"), password: field("password"),
      tradingPin: field("tradingPin"), birthDate: field("birthDate"),
    });
  } catch { answer = { body: null }; }
  const r = answer.body;
  result.className = r && r.ok ? "ok" : "bad";
  if (!r) { result.textContent = text[lang].failed; }
  else {
    const list = document.createElement("ul");
    list.replaceChildren(...r.errors.map(e => Object.assign(document.createElement("li"), { textContent: e.message })));
    result.replaceChildren(Object.assign(document.createElement("p"), { textContent: r.message }), ...(r.errors.length ? [list] : []));
    for (const name of ["loginId", "email", "password", "tradingPin"]) {
      $(name).setAttribute("aria-invalid", r.errors.some(e => e.field === name) ? "true" : "false");
    }
  }
  result.focus();
});

function setLanguage(next) {
  lang = next;
  document.documentElement.lang = next;
  document.title = text[next].title + " — Example Shoken";
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = text[next][el.dataset.t];
  $("lang-ja").setAttribute("aria-pressed", String(next === "ja"));
  $("lang-en").setAttribute("aria-pressed", String(next === "en"));
  updateMeter();
  updatePin();
}
$("lang-ja").addEventListener("click", () => setLanguage("ja"));
$("lang-en").addEventListener("click", () => setLanguage("en"));
