// The page script (see mod.rs beside this file: `__NAMES__` are filled in from Rust).
//
// Companion to the islands router, which swaps pages in place without a reload:
// - after each client-side navigation, start the new page at the top and move focus to its
//   <main>, so screen readers announce it (unless the visitor is typing in the search box,
//   whose typing caused the navigation: focus stays there);
// - same-page "#…" links (the skip link) and history steps between them keep their native
//   behaviour instead of fetching the page again;
// - a link to another page's "#…" (a glossary entry) lands on that entry, as a full load
//   would: the router does not scroll to fragments, and `:target` does not follow pushState,
//   so the entry gets the `is-target` class instead.
const searchBox = () => document.getElementById("__SEARCH_INPUT_ID__");
let page = location.pathname + location.search;
addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a[href^='#']");
  if (link) event.stopImmediatePropagation();
}, true);
addEventListener("popstate", (event) => {
  // Back and forward: the search box shows the query of the address it returns to.
  const box = searchBox();
  if (box) box.value = new URLSearchParams(location.search).get("__QUERY_PARAM__") ?? "";
  const next = location.pathname + location.search;
  if (next === page) event.stopImmediatePropagation();
  page = next;
}, true);
const pushState = history.pushState.bind(history);
/** Scrolls to the element the address's fragment names, once it is in the document. */
const revealFragment = (id) => {
  const reveal = () => {
    const target = document.getElementById(id);
    if (!target) return false;
    document.querySelectorAll(".is-target").forEach((old) => old.classList.remove("is-target"));
    target.classList.add("is-target");
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
    return true;
  };
  if (reveal()) return;
  const watch = new MutationObserver(() => reveal() && watch.disconnect());
  watch.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 5000);
};
history.pushState = (...args) => {
  pushState(...args);
  page = location.pathname + location.search;
  if (location.hash.length > 1) {
    revealFragment(decodeURIComponent(location.hash.slice(1)));
    return;
  }
  scrollTo(0, 0);
  const box = searchBox();
  if (box && document.activeElement === box) {
    // Typing opened this page, and the router has just recorded the address it fetched:
    // keys typed while it loaded go to the search box's island again, which owns the
    // results and the address.
    const shown = new URLSearchParams(location.search).get("__QUERY_PARAM__");
    if ("__HOME_PATHS__".split(" ").includes(location.pathname) && box.value && shown !== box.value) {
      box.dispatchEvent(new Event("input", { bubbles: true }));
      page = location.pathname + location.search;
    }
  } else {
    document.getElementById("__MAIN_ID__")?.focus({ preventScroll: true });
  }
};
// The islands router awaits `document.startViewTransition(…)` without observing its
// promises: when a second navigation starts before the first one's transition has finished
// (back then forward in quick succession), the skipped transition's rejection surfaces as an
// uncaught error although both navigations complete. Swallow exactly that rejection.
addEventListener("unhandledrejection", (event) => {
  const reason = event.reason;
  if (reason instanceof DOMException && reason.name === "AbortError" && /Transition was skipped/.test(reason.message)) {
    event.preventDefault();
  }
});
// Keyboard shortcuts, all of them here and listed in the dialog that `?` opens: `/` goes
// to the search box (and `Esc` there back to where `/` came from), ← and → step to the
// previous or next issue, `g` then `h` goes home, `g` then `m` to the map. Never while
// typing in a field, never with Ctrl, Alt or Meta held, never when a handler (the map's
// arrow keys) has already used the key. The search box's own keys (Esc clears it, ↓ and
// Enter go to the results) are its island's.
let chord = false;
// Where focus was when `/` moved it to the search box, while it stays there.
let beforeSearch = null;
addEventListener("focusout", (event) => {
  if (event.target === searchBox()) beforeSearch = null;
});
addEventListener("keydown", (event) => {
  if (event.key === "Escape" && event.target === searchBox() && beforeSearch) {
    beforeSearch.focus();
    beforeSearch = null;
    return;
  }
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const help = document.getElementById("__SHORTCUTS_DIALOG_ID__");
  if (help && help.open) return;
  // The router changes the address before it swaps the new page in: a key pressed in
  // between waits for the page the address names (its canonical link), so ← right after →
  // steps back from the new issue, not from the old one.
  const shown = () => {
    const canonical = document.querySelector("link[rel=canonical]");
    return !canonical || new URL(canonical.href).pathname === location.pathname;
  };
  const follow = (selector, frames = 120) => {
    if (!shown() && frames > 0) {
      event.preventDefault();
      requestAnimationFrame(() => follow(selector, frames - 1));
      return;
    }
    const link = document.querySelector(selector);
    if (link) {
      event.preventDefault();
      link.click();
    }
  };
  if (chord) {
    chord = false;
    if (event.key === "h") follow('a[__SHORTCUT_ATTRIBUTE__="home"]');
    if (event.key === "m") follow('a[__SHORTCUT_ATTRIBUTE__="map"]');
    return;
  }
  const box = searchBox();
  if (event.key === "/" && box) {
    event.preventDefault();
    beforeSearch = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    box.focus();
    box.select();
  } else if (event.key === "g") {
    chord = true;
    setTimeout(() => (chord = false), 1500);
  } else if (event.key === "ArrowLeft" && !event.shiftKey) {
    follow('a[rel="prev"]');
  } else if (event.key === "ArrowRight" && !event.shiftKey) {
    follow('a[rel="next"]');
  } else if (event.key === "?" && help) {
    event.preventDefault();
    help.showModal();
  }
});
