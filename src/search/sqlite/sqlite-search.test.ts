// The shared search suite on the SQLite store.
import { runSearchSuite } from '../search.contract.js';
import { openSqliteStore } from '../../store/sqlite/index.js';

runSearchSuite('sqlite', () => openSqliteStore(':memory:'));
