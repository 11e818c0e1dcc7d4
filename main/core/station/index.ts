import type { Area } from '../registry';
import { stationHandlers } from './handlers';

/** The voting station on the meeting's network (issue 9): the secretary's calls; the phones' server is main/station/. */
export const stationArea: Area = { name: 'station', handlers: [stationHandlers] };
