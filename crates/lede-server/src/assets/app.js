// Lede web page: sends the form to POST /v1/extract and renders the article.
// Every piece of the article is inserted as text or as elements built here, never as HTML,
// so a hostile page cannot run script in this one.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function safeHref(href) {
  try {
    const url = new URL(href, location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function inlines(list) {
  const frag = document.createDocumentFragment();
  for (const item of list || []) frag.append(inline(item));
  return frag;
}

function inline(item) {
  switch (item.type) {
    case "text": return document.createTextNode(item.text);
    case "emphasis": return el("em", null, inlines(item.content));
    case "strong": return el("strong", null, inlines(item.content));
    case "code": return el("code", null, item.text);
    case "break": return el("br");
    case "link": {
      const href = safeHref(item.href);
      return href ? el("a", { href, rel: "noopener noreferrer nofollow" }, inlines(item.content)) : inlines(item.content);
    }
    default: return document.createTextNode("");
  }
}

function figure(image) {
  const src = safeHref(image.url);
  const caption = el("figcaption", null, image.caption || "", image.caption && image.credit ? " " : "",
    image.credit ? el("span", { class: "credit" }, image.credit) : null);
  return el("figure", null, src ? el("img", { src, alt: image.alt || "", loading: "lazy", referrerpolicy: "no-referrer" }) : null,
    image.caption || image.credit ? caption : null);
}

function block(b) {
  switch (b.type) {
    case "heading": return el("h" + Math.min(6, Math.max(2, b.level + 1)), null, inlines(b.content));
    case "paragraph": return el("p", null, inlines(b.content));
    case "list": {
      const list = el(b.ordered ? "ol" : "ul");
      for (const item of b.items || []) list.append(el("li", null, blocks(item)));
      return list;
    }
    case "quote": return el("blockquote", null, blocks(b.content));
    case "code": return el("pre", null, el("code", b.language ? { "data-language": b.language } : null, b.text));
    case "figure": return figure(b.image);
    case "table": {
      const table = el("table");
      if (b.caption) table.append(el("caption", null, b.caption));
      for (const row of b.rows || []) {
        const tr = el("tr");
        for (const cell of row.cells || []) tr.append(el(row.header ? "th" : "td", null, inlines(cell)));
        table.append(tr);
      }
      return table;
    }
    default: return document.createTextNode("");
  }
}

function blocks(list) {
  const frag = document.createDocumentFragment();
  for (const b of list || []) frag.append(block(b));
  return frag;
}

function formatDate(value) {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return isNaN(date) ? String(value) : date.toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" });
}

function renderReader(article) {
  const reader = $("reader");
  reader.replaceChildren();
  if (!article.is_article) {
    reader.append(el("p", { class: "not-article" }, "This page does not look like an article; showing the best reading of it."));
  }
  reader.append(el("h1", { class: "title", id: "article-title" }, article.title || "(untitled)"));
  const authors = (article.authors || []).map((a) => a.role ? `${a.name} (${a.role})` : a.name).join(", ");
  if (authors) reader.append(el("p", { class: "byline", id: "article-byline" }, "By " + authors));
  const meta = [article.site_name, formatDate(article.published), article.reading_time_minutes ? `${article.reading_time_minutes} min read` : null]
    .filter(Boolean).join(" · ");
  if (meta) reader.append(el("p", { class: "dateline-meta" }, meta));
  const bodyHasLead = article.lead_image && (article.body || []).some((b) => b.type === "figure" && b.image.url === article.lead_image.url);
  if (article.lead_image && !bodyHasLead) reader.append(figure(article.lead_image));
  reader.append(el("div", { id: "article-body" }, blocks(article.body)));
}

function renderMetadata(article) {
  const rows = [
    ["Title", article.title], ["Authors", (article.authors || []).map((a) => a.name).join(", ")],
    ["Published", article.published], ["Modified", article.modified], ["Site", article.site_name],
    ["Section", article.section], ["Language", article.language], ["Description", article.description],
    ["URL", article.url], ["Canonical URL", article.canonical_url], ["Tags", (article.tags || []).join(", ")],
    ["Lead image", article.lead_image && article.lead_image.url], ["Dateline", article.dateline && article.dateline.text],
    ["Words", article.word_count], ["Reading time", article.reading_time_minutes && `${article.reading_time_minutes} min (${article.reading_time_source})`],
    ["Quotes", (article.quotes || []).length], ["Cited outlets", (article.cited_outlets || []).map((o) => o.name).join(", ")],
    ["Is article", String(article.is_article)], ["Confidence", article.confidence],
  ];
  const list = $("meta-list");
  list.replaceChildren();
  for (const [name, value] of rows) {
    if (value === undefined || value === null || value === "") continue;
    list.append(el("dt", null, name), el("dd", null, String(value)));
  }
}

function showTab(name) {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const selected = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", String(selected));
    $(tab.dataset.tab).hidden = !selected;
  }
}

function showError(title, detail) {
  const box = $("error");
  box.replaceChildren(el("strong", null, title), detail ? el("div", null, detail) : null);
  box.hidden = false;
}

function syncMode() {
  const mode = document.querySelector("input[name=mode]:checked").value;
  $("html-field").hidden = mode !== "html";
  $("url").required = mode === "url";
}

async function submit(event) {
  event.preventDefault();
  const mode = document.querySelector("input[name=mode]:checked").value;
  const url = $("url").value.trim();
  const html = $("html").value;
  const request = { format: "json" };
  if (mode === "html") {
    if (!html.trim()) return showError("Nothing to extract", "Paste the page's HTML first.");
    request.html = html;
    if (url) request.url = url;
  } else {
    if (!url) return showError("Nothing to fetch", "Enter the page's URL first.");
    request.url = url;
  }
  $("error").hidden = true;
  $("submit").disabled = true;
  $("status").textContent = "Extracting…";
  const started = performance.now();
  try {
    const response = await fetch("/v1/extract", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(request),
    });
    const text = await response.text();
    let body;
    try { body = JSON.parse(text); } catch { body = null; }
    if (!response.ok) {
      const error = body && body.error;
      $("result").hidden = true;
      showError(`Error ${response.status}${error ? ` (${error.code})` : ""}`, error ? error.message : text.slice(0, 500));
      $("status").textContent = "";
      return;
    }
    renderReader(body);
    renderMetadata(body);
    $("raw-json").textContent = JSON.stringify(body, null, 2);
    $("result").hidden = false;
    showTab("reader");
    $("status").textContent = `Done in ${Math.round(performance.now() - started)} ms`;
  } catch (err) {
    showError("Could not reach the server", String(err));
    $("status").textContent = "";
  } finally {
    $("submit").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("extract-form").addEventListener("submit", submit);
  for (const radio of document.querySelectorAll("input[name=mode]")) radio.addEventListener("change", syncMode);
  for (const tab of document.querySelectorAll("[role=tab]")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
  syncMode();
});
