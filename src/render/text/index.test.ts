import { describe, expect, it } from 'vitest';
import { renderText } from './index.js';
import { parseMiaText } from '../../ingest/mia-text/index.js';
import { loadDefaultRegister } from '../../model/register.js';
import { seedWork } from '../../../test/support/seed.js';

const withoutProvenance = <T extends { provenance: unknown }>(w: T) => ({ ...w, provenance: undefined });

describe('plain-text export', () => {
  const seed = seedWork();
  const txt = renderText(seed);

  it('prints the MIA header, the body and the notes in order', () => {
    const order = [
      'To S. G. Shahumyan',
      'Written: Written on May 14, 1918',
      'Published:',
      'Sent to Baku.',
      'Source: Lenin Collected Works',
      'Translated: Andrew Rothstein',
      'Transcription\\Markup: R. Cymbala',
      'Public Domain:',
      'Other Formats:',
      'Dear Comrade Shahumyan,',
      'learn diplomacy.[1]',
      'Yours,',
      '\nLenin\n',
      '[1] The defeat',
      'The Azerbaijan workers',
    ];
    let at = -1;
    for (const s of order) {
      const i = txt.indexOf(s);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
  });

  it('round-trips: import → export txt → import gives the same Work', () => {
    const again = parseMiaText({ path: 'roundtrip.txt', bytes: new TextEncoder().encode(txt) }, { register: loadDefaultRegister() });
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(withoutProvenance(again.works[0]!)).toEqual(withoutProvenance(seed));
    expect(renderText(again.works[0]!)).toBe(txt);
  });
});
