// The Web Worker that seals a ballot off the main thread, so the "Sealing your ballot…" page keeps
// painting and answering the keyboard during the 100–250 ms of curve arithmetic. It keeps nothing:
// the marks arrive, the ballot leaves, and the page ends the worker once the vote is cast.
import { sealBallot, type SealRequest, type SealResponse } from './seal';

addEventListener('message', (event: MessageEvent<SealRequest>) => {
  let reply: SealResponse;
  try {
    reply = { ok: true, ...sealBallot(event.data.election, event.data.marks) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : 'The ballot could not be sealed.' };
  }
  postMessage(reply);
});
