import type { Area } from '../registry';
import { documentState } from './state';

/** Files kept inside the database file; read and written by the areas that attach them (meetings). */
export const documentsArea: Area = { name: 'documents', handlers: [], stateReaders: [documentState] };
