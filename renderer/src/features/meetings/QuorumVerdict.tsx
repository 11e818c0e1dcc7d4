import type { ItemQuorum } from '../../../../shared/contract/meetings';
import { quorumWords } from './format';

/**
 * A quorum verdict as the core words it ("Not quorate for item 6: 2 of 3 needed; J. Patel left at
 * 19:40"), marked by a sign and a word as well as colour (WCAG 1.4.1).
 */
export function QuorumVerdict({ q, as = 'p', className = '' }: { q: ItemQuorum; as?: 'p' | 'span'; className?: string }) {
  const Tag = as;
  return (
    <Tag className={`mtg-verdict ${q.quorate ? 'is-ok' : 'is-bad'} ${className}`.trim()}>
      <span className="mtg-verdict-sign" aria-hidden="true">
        {q.quorate ? '✓' : '✗'}
      </span>{' '}
      {quorumWords(q)}
    </Tag>
  );
}
