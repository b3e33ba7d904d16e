// The shared search suite on the SQLite store.
import { openArchive } from '../../archive/open.js';
import { runSearchSuite } from '../search.contract.js';

runSearchSuite('sqlite', () => openArchive(':memory:'));
