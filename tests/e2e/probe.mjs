// Runs inside the page (serialized by the test drivers): keep it self-contained.
/** Marks a fresh element that page CSS forces visible; returns its display; removes everything again. */
export function stylesheetProbe() {
  const style = document.createElement("style");
  style.textContent = "#lisible-probe { display: block !important; }";
  const el = document.createElement("div");
  el.id = "lisible-probe";
  el.setAttribute("data-lisible-hidden", "probe");
  document.head.append(style);
  document.body.append(el);
  const display = getComputedStyle(el).display;
  el.remove();
  style.remove();
  return display;
}
