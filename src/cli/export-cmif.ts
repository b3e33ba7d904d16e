// `octavo export-cmif [--collection PATH]`: the archive's letters as one CMIF file, on stdout.
import { archiveCmif } from '../archive/cmif.js';
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';
import { siteInfo } from '../archive/site-info.js';

export async function exportCmifCommand(o: { db?: string; collection?: string; baseUrl?: string }): Promise<void> {
  const site = siteInfo(o.baseUrl);
  const archive = await openArchive(archiveLocation(o.db), { mode: 'read' });
  try {
    const { xml, letters } = await archiveCmif(archive.store, {
      baseUrl: site.baseUrl,
      title: site.name,
      publisher: site.publisher,
      editor: site.name,
      editorEmail: site.adminEmail,
      ...(o.collection ? { collection: o.collection.split('/').filter(Boolean) } : {}),
    });
    process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
    process.stderr.write(`${letters} ${letters === 1 ? 'letter' : 'letters'}\n`);
  } finally {
    await archive.close();
  }
}
