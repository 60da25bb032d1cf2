import { moveInOrder } from '../../../static/project-page/src/improvements/moveInOrder';

describe('moveInOrder', () => {
  const order = ['A', 'B', 'C', 'D'] as const;

  it('moves an item one place up or down', () => {
    expect(moveInOrder(order, 2, -1)).toEqual(['A', 'C', 'B', 'D']);
    expect(moveInOrder(order, 1, 1)).toEqual(['A', 'C', 'B', 'D']);
  });

  it('leaves the order alone at the edges and for an index outside the list', () => {
    expect(moveInOrder(order, 0, -1)).toEqual(order);
    expect(moveInOrder(order, 3, 1)).toEqual(order);
    expect(moveInOrder(order, 9, -1)).toEqual(order);
    expect(moveInOrder(order, -1, 1)).toEqual(order);
  });

  it('returns a new list and never changes the one it was given', () => {
    const items = ['A', 'B'];
    const moved = moveInOrder(items, 0, 1);
    expect(items).toEqual(['A', 'B']);
    expect(moved).not.toBe(items);
    expect(moveInOrder(items, 0, -1)).not.toBe(items);
  });
});
