// Scripts run inside the page, as plain JavaScript strings (a bundler's helpers would not exist
// there). Times are the page's own performance.now(), from navigation start, with marks and
// measures left in its performance timeline.

/** Before any page script: notes when the table first shows `window.__expected` snapshots. */
export const RENDER_PROBE = `
window.__bench = { renderedAt: undefined, filters: [] }
const renderObserver = new MutationObserver(() => {
  const status = document.querySelector('p.table-status')
  const row = document.querySelector('table.snapshot-table tbody tr:not(.spacer)')
  if (!status || !row || window.__bench.committedAt) return
  if (status.textContent !== window.__expected + ' snapshots') return
  window.__bench.committedAt = performance.now()
  renderObserver.disconnect()
  requestAnimationFrame(() => setTimeout(() => {
    window.__bench.renderedAt = performance.now()
    performance.mark('table-rendered')
  }, 0))
})
renderObserver.observe(document, { subtree: true, childList: true, characterData: true })
`

/**
 * Times each keystroke in the search box: from its keydown to the frame after the results
 * section changed. A keystroke that changes nothing is not counted.
 */
export const FILTER_PROBE = `
(() => {
  let pending
  document.addEventListener('keydown', (event) => {
    if (event.target && event.target.id === 'snapshot-search')
      pending = { key: event.key, start: performance.now() }
  }, true)
  const section = document.querySelector('section[aria-labelledby="snapshots-title"]')
  new MutationObserver(() => {
    if (!pending) return
    const run = pending
    pending = undefined
    run.committed = performance.now()
    requestAnimationFrame(() => setTimeout(() => {
      run.painted = performance.now()
      performance.measure('filter ' + run.key, { start: run.start, end: run.painted })
      run.status = document.querySelector('p.table-status').textContent
      window.__bench.filters.push(run)
    }, 0))
  }).observe(section, { subtree: true, childList: true, characterData: true, attributes: true })
})()
`

/** When the last page of the snapshot list arrived (resource timing), from navigation start. */
export const LAST_PAGE_AT = `
Math.max(...performance.getEntriesByType('resource')
  .filter((e) => e.name.includes('/backup/snapshots?'))
  .map((e) => e.responseEnd))
`

export const TABLE_ROWS = `
document.querySelectorAll('table.snapshot-table tbody tr:not(.spacer)').length
`

export const SCROLL_TO_MIDDLE = `
(() => {
  const scroller = document.querySelector('.virtual-scroll')
  scroller.scrollTop = scroller.scrollHeight / 2
})()
`
