// HTML rendering: handler maps over the Work's blocks and inlines, and the page templates.
// Pure functions from records to strings; nothing here knows about HTTP.
export { renderWorkText, type WorkText, type WorkTextOptions } from './content.js';
export {
  blockHandlers, defaultHandlers, inlineHandlers, markHandlers, renderBlocks, renderInlines, withHandlers,
  type BlockHandlers, type Handlers, type HtmlContext, type InlineHandlers, type MarkHandlers,
} from './handlers.js';
export { InformationBlock, type FormatLink } from './header.js';
export { authorHref, collectionHref, safeHref, workHref } from './href.js';
export { renderPage, type AssetUrls, type PageOptions } from './layout.js';
export { noteAnchors, type NoteAnchors } from './notes.js';
export { siteAssets, assetUrls, type Asset } from './assets.js';
export { renderWorkPage, workTrail, type WorkPageInput } from './pages/work.js';
export { renderHomePage, type HomePageInput } from './pages/home.js';
export { renderCollectionPage, renderCollectionsIndex, type CollectionPageInput } from './pages/collection.js';
export { renderAuthorsPage, renderAuthorPage, type AuthorPageInput, type PersonSummary } from './pages/authors.js';
export { renderErrorPage, type ErrorPageInput } from './pages/error.js';
