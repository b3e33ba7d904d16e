// Error pages. They say what happened in plain words and never include internal details.
import { renderPage, type AssetUrls } from '../layout.js';

export interface ErrorPageInput {
  status: 404 | 500 | number;
  assets: AssetUrls;
  /** What was asked for, shown back to the reader (escaped like everything else). */
  path?: string;
}

export function renderErrorPage(i: ErrorPageInput): string {
  const notFound = i.status === 404;
  const title = notFound ? 'Not found' : i.status < 500 ? 'Request not understood' : 'Something went wrong';
  const main = (
    <section class="error-page">
      <p class="error-status">{String(i.status)}</p>
      <h1>{title}</h1>
      {notFound ? (
        <p>
          There is nothing at <code>{i.path ?? 'this address'}</code>. The work or collection may have a different id.
        </p>
      ) : i.status < 500 ? (
        <p>The address could not be read. Check it for mistyped characters.</p>
      ) : (
        <p>The page could not be produced. The problem has been logged; please try again later.</p>
      )}
      <p>
        <a href="/">Go to the home page</a> or <a href="/authors">browse the authors</a>.
      </p>
    </section>
  );
  return renderPage({ title, assets: i.assets, main, bodyClass: 'page-error' });
}

/** A page that says why a request was refused, in the request's own words (history restores, forms). */
export function renderMessagePage(i: { status: number; heading: string; text: string; assets: AssetUrls }): string {
  const main = (
    <section class="error-page">
      <p class="error-status">{String(i.status)}</p>
      <h1>{i.heading}</h1>
      <p>{i.text}</p>
    </section>
  );
  return renderPage({ title: i.heading, assets: i.assets, main, bodyClass: 'page-error' });
}
