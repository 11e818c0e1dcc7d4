// The phone's own Back (Android's back button or gesture, the browser's back arrow) steps back
// within a flow, as the page's "Back" link does, instead of leaving the page and losing the
// voter's answers. The flow adds one history entry while it is open and answers `popstate` by
// stepping back and adding the entry again; once the flow ends, its entry is taken away.
import { useEffect, useRef } from 'react';

/**
 * While mounted, the phone's Back calls `onBack`: it returns true when it stepped back within the
 * flow (the entry is added again, so the next Back is caught too), false when the flow has ended
 * or is leaving (Back then goes where the browser would have gone).
 */
export function usePhoneBack(onBack: () => boolean): void {
  const handler = useRef(onBack);
  useEffect(() => {
    handler.current = onBack;
  });
  useEffect(() => {
    const mark = { mgStationFlow: Math.random().toString(36).slice(2) };
    history.pushState(mark, '');
    let ours = true;
    const onPop = () => {
      ours = false;
      if (handler.current()) {
        history.pushState(mark, '');
        ours = true;
      }
    };
    addEventListener('popstate', onPop);
    return () => {
      removeEventListener('popstate', onPop);
      // Left by the page's own buttons: the entry goes, so the next Back leaves the page as expected.
      if (ours && (history.state as typeof mark | null)?.mgStationFlow === mark.mgStationFlow) history.back();
    };
  }, []);
}
