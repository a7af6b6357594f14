import { describe, expect, it } from 'vitest';
import { parseFields, pickSubFields, renderFields } from '../../../../sandbox/graph/fields.ts';

describe('parseFields', () => {
  it('reads flat and nested fields', () => {
    expect(parseFields('id, name,business{id,name},owner')).toEqual([
      { name: 'id' },
      { name: 'name' },
      { name: 'business', sub: [{ name: 'id' }, { name: 'name' }] },
      { name: 'owner' },
    ]);
  });

  it.each(['id,', 'business{id', 'id name', '{id}', 'id}'])('refuses %j', (text) => {
    expect(() => parseFields(text)).toThrow(/Syntax error/);
  });
});

describe('renderFields', () => {
  const resolvers = {
    id: (item: { id: string }) => item.id,
    missing: () => undefined,
  };

  it('always includes id and leaves absent values out', () => {
    expect(renderFields({ id: '1' }, resolvers, [{ name: 'missing' }], ['id'], 'Thing')).toEqual({
      id: '1',
    });
  });

  it('refuses unknown fields with Meta’s message', () => {
    expect(() => renderFields({ id: '1' }, resolvers, [{ name: 'nope' }], ['id'], 'Thing')).toThrow(
      '(#100) Tried accessing nonexisting field (nope) on node type (Thing)',
    );
  });

  it('picks sub-fields and refuses unknown ones', () => {
    expect(pickSubFields({ id: '1', name: 'n' }, [{ name: 'name' }], 'Business')).toEqual({
      name: 'n',
    });
    expect(() => pickSubFields({ id: '1' }, [{ name: 'x' }], 'Business')).toThrow(/nonexisting/);
  });
});
