import { describe, expect, it } from 'vitest';
import { inTurn } from './in-turn';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('inTurn', () => {
  it('runs changes to one meeting one after another, so a slow earlier save cannot finish after a later one', async () => {
    const order: string[] = [];
    const arrival = inTurn('m1', async () => {
      order.push('arrival sent');
      await later(30, null);
      order.push('arrival answered');
    });
    const departure = inTurn('m1', async () => {
      order.push('departure sent');
      await later(1, null);
      order.push('departure answered');
    });
    await Promise.all([arrival, departure]);
    expect(order).toEqual(['arrival sent', 'arrival answered', 'departure sent', 'departure answered']);
  });

  it('carries on after a failed change, and lets different meetings go side by side', async () => {
    const order: string[] = [];
    const failed = inTurn('m2', async () => {
      await later(10, null);
      throw new Error('refused');
    });
    const next = inTurn('m2', async () => 'saved');
    const other = inTurn('m3', async () => {
      order.push('other meeting');
      return 'other';
    });
    await expect(failed).rejects.toThrow('refused');
    expect(await next).toBe('saved');
    expect(await other).toBe('other');
    expect(order).toEqual(['other meeting']);
  });
});
