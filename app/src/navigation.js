// Companion to the islands router, which swaps pages in place without a reload:
// - after each client-side navigation, start the new page at the top and move focus to its
//   <main>, so screen readers announce it (unless the visitor is typing in the search box,
//   whose typing caused the navigation: focus stays there);
// - same-page "#…" links (the skip link) and history steps between them keep their native
//   behaviour instead of fetching the page again.
let page = location.pathname + location.search;
addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a[href^='#']");
  if (link) event.stopImmediatePropagation();
}, true);
addEventListener("popstate", (event) => {
  const next = location.pathname + location.search;
  if (next === page) event.stopImmediatePropagation();
  page = next;
}, true);
const pushState = history.pushState.bind(history);
history.pushState = (...args) => {
  pushState(...args);
  page = location.pathname + location.search;
  scrollTo(0, 0);
  if (document.activeElement?.id !== "site-search-q") {
    document.getElementById("main")?.focus({ preventScroll: true });
  }
};
