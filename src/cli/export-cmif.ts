// `octavo export-cmif [--collection PATH]`: the archive's letters as one CMIF file, on stdout.
import { archiveCmif } from '../render/cmif/archive.js';
import { siteInfo } from '../web/site-info.js';
import { openStore } from './db.js';

export async function runExportCmif(location: string, o: { collection?: string; baseUrl?: string }): Promise<void> {
  const site = siteInfo(o.baseUrl);
  const store = await openStore(location);
  try {
    const { xml, letters } = await archiveCmif(store, {
      baseUrl: site.baseUrl, title: site.name, publisher: site.publisher, editor: site.name, editorEmail: site.adminEmail,
      ...(o.collection ? { collection: o.collection.split('/').filter(Boolean) } : {}),
    });
    process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
    process.stderr.write(`${letters} letters\n`);
  } finally {
    await store.close();
  }
}
