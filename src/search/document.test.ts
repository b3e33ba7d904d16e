// The language facet: codes as people read them, the stored code left as the source gives it.
import { describe, expect, it } from 'vitest';
import { indexDocument } from './document.js';
import { parseQuery } from './query.js';
import { teiLetterWork } from '../../test/support/tei-und.js';

const languageFacet = (lang: string | undefined) => indexDocument(teiLetterWork(lang)).facets.filter((f) => f.facet === 'language');

describe('the language facet', () => {
  it('reads xml:lang="und" as "Undetermined" (not "root" or "und"), keeping the code und', () => {
    expect(languageFacet('und')).toEqual([{ facet: 'language', value: 'und', label: 'Undetermined' }]);
  });

  it('gives a letter that names no language the same undetermined value', () => {
    expect(teiLetterWork(undefined).language).toBe('und');
    expect(languageFacet(undefined)).toEqual([{ facet: 'language', value: 'und', label: 'Undetermined' }]);
  });

  it('names other languages by their English names, by primary subtag', () => {
    expect(languageFacet('de-AT')).toEqual([{ facet: 'language', value: 'de', label: 'German' }]);
  });

  it('lets lang:undetermined select what the facet shows as Undetermined', () => {
    expect(parseQuery('lang:undetermined')).toMatchObject({ type: 'filter', field: 'lang', value: 'und' });
    expect(parseQuery('lang:und')).toMatchObject({ type: 'filter', field: 'lang', value: 'und' });
  });
});
