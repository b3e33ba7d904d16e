// The seed letter (Lenin to S. G. Shahumyan, 14 May 1918) written out by hand as a Work, field by
// field from samples/seed/lenin-to-shahumyan-1918.txt — independent of any importer.
import type { PartialDate, Work } from '../../model/work.js';

const day = (text: string, iso: string): PartialDate => ({ text, iso, precision: 'day', start: iso, end: iso });

export function leninToShahumyan(): Work {
  return {
    id: 'lenin/1918/05/14-shahumyan',
    kind: 'letter',
    title: 'To S. G. Shahumyan',
    language: 'en',
    authors: [{ id: 'lenin', name: 'V. I. Lenin', asWritten: 'Lenin', refs: ['http://www.wikidata.org/entity/Q1394'] }],
    recipients: [{ id: 'shaumyan-stepan', name: 'S. G. Shahumyan' }],
    written: { date: day('May 14, 1918', '1918-05-14'), text: 'Written on May 14, 1918' },
    sentTo: { id: 'baku', name: 'Baku', coordinates: { lat: 40.3953, lon: 49.8822 } },
    published: [
      {
        venue: 'Bulletins of the Dictatorship of the Tsentrokaspy and the Presidium of the Provisional Executive Committee',
        issue: 'No. 33',
        date: day('September 8, 1918', '1918-09-08'),
        text: 'Published in Bulletins of the Dictatorship of the Tsentrokaspy and the Presidium of the Provisional Executive Committee No. 33, September 8, 1918.',
      },
    ],
    source: {
      author: 'Lenin',
      title: 'Collected Works',
      publisher: 'Progress Publishers',
      year: '1976',
      place: 'Moscow',
      volume: '35',
      pages: '332',
      text: 'Lenin, Collected Works, Progress Publishers, [1976], Moscow, Volume 35, page 332.',
    },
    contributors: [
      { role: 'translator', name: 'Andrew Rothstein' },
      { role: 'transcriber', label: 'Transcription\\Markup', name: 'R. Cymbala' },
    ],
    rights: {
      statement:
        'You may freely copy, distribute, display and perform this work, as well as make derivative and commercial works. Please credit “Marxists Internet Archive” as your source.',
      licence: 'public-domain',
      credit: 'Marxists Internet Archive',
      holder: 'Lenin Internet Archive',
    },
    otherFormats: [{ label: 'Text', href: 'https://www.marxists.org/archive/lenin/works/1918/may/14b.txt' }, { label: 'README' }],
    headerNotes: ['Printed from the Bulletins text.'],
    body: [
      { type: 'salutation', content: [{ type: 'text', text: 'Dear Comrade Shahumyan,' }] },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'Many thanks for your letter. We are delighted with your firm and resolute policy. Be capable of combining with it the most cautious diplomacy, unquestionably required by the present most difficult, situation—and we shall be ',
          },
          { type: 'text', text: 'victorious', marks: [{ type: 'emphasis' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'The difficulties are immeasurable. So far we are being saved only by the contradictions and conflicts and struggles among the imperialists. Be capable of making use of these conflicts: for the time being we have to learn diplomacy.',
          },
          { type: 'noteRef', note: 'n1', label: '1' },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Best greetings and wishes, and greetings to all friends.' }] },
      { type: 'closer', content: [{ type: 'text', text: 'Yours,' }] },
      { type: 'signature', content: [{ type: 'text', text: 'Lenin' }] },
    ],
    notes: [
      {
        id: 'n1',
        label: '1',
        kind: 'editorial',
        blocks: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'The defeat of the anti-Soviet revolt of the Mussavatists at the end of March 1918 consolidated Soviet power in ',
              },
              { type: 'text', text: 'Baku', marks: [{ type: 'entity', entity: 'place', id: 'baku' }] },
              {
                type: 'text',
                text: '. A meeting of the Baku Soviet on April 25 set up the Baku Council of People’s Commissars, which besides Bolsheviks included some Left Socialist-Revolutionaries. Shahumyan was made Chairman of the Baku Council of People’s Commissars and Commissar for Foreign Affairs. The Council launched a number of socialist projects. In April and May 1918 Soviet power was established over a considerable part of Azerbaijan.',
              },
            ],
          },
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'The Azerbaijan workers’ and peasants’ struggle for the victory of socialist revolution was waged in an extremely complex situation. The German-Turkish intervention had begun in the Transcaucasus and Turkish troops had invaded Azerbaijan. On the other hand, the British Command in Iran had made contact with the Baku Dashnaks, Socialist-Revolutionaries and Mensheviks, in the hope of using them to take over Baku and overthrow Soviet power in the city. Lenin therefore instructed the leaders of the Baku Council of People’s Commissars to be extremely flexible in taking advantage of the contradictions within the imperialist camp and within the nationalist parties.',
              },
            ],
          },
        ],
      },
    ],
    collections: [{ path: ['lenin', 'collected-works', 'volume-35'], titles: ['Lenin', 'Collected Works', 'Volume 35'], position: 332 }],
    entities: {
      people: [{ id: 'shaumyan-stepan', name: 'S. G. Shahumyan', aliases: ['Shahumyan', 'Shaumyan'] }],
      places: [{ id: 'baku', name: 'Baku', coordinates: { lat: 40.3953, lon: 49.8822 } }],
      organisations: [{ id: 'baku-council-of-peoples-commissars', name: 'Baku Council of People’s Commissars' }],
      events: [],
    },
    provenance: { file: 'seed/lenin-to-shahumyan-1918.txt', format: 'test', importer: 'hand-built', checksum: '0' },
  };
}
