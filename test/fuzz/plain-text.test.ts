import { fuzzNamed } from './importer-suite.js';

await fuzzNamed('plain-text');
