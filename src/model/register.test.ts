import { describe, expect, it } from 'vitest';
import { loadDefaultRegister, nameKey } from './register.js';

const reg = loadDefaultRegister();

describe('people register', () => {
  it('meets every spelling of Shahumyan, in Latin and Cyrillic letters', () => {
    for (const n of ['Shahumyan', 'Shaumyan', 'Shaumian', 'S. G. Shahumyan', 'Comrade Shahumyan', 'Шаумян', 'Степан Шаумян']) {
      expect(reg.lookup(n)?.id, n).toBe('shaumyan-stepan');
    }
  });

  it('falls back to the surname only when the given name agrees', () => {
    expect(reg.lookup('Stepan G. Shahumyan')?.id).toBe('shaumyan-stepan');
    expect(reg.lookup('Ida Dehmel')).toBeUndefined();
    expect(reg.lookup('R. Dehmel')?.id).toBe('dehmel-richard');
    expect(reg.lookup('Richard Dehmel')?.id).toBe('dehmel-richard');
  });

  it('resolves names to references, keeping the wording of the source', () => {
    expect(reg.resolve('Lenin')).toEqual({
      id: 'lenin',
      name: 'V. I. Lenin',
      asWritten: 'Lenin',
      refs: ['http://www.wikidata.org/entity/Q1394'],
    });
    expect(reg.resolve('Jane  Unknown')).toEqual({ id: 'jane-unknown', name: 'Jane Unknown' });
  });

  it('compares names without case, accents, honorifics or script', () => {
    expect(nameKey('Dear Comrade Шаумян')).toBe('shaumyan');
    expect(nameKey('Dr. KUGELMANN')).toBe('kugelmann');
    expect(nameKey('Herr Müller')).toBe('muller');
  });
});
