import { describe, expect, it } from 'vitest';
import { parseFields, pickSubFields, renderNode } from '../../../../sandbox/graph/fields.ts';

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

describe('renderNode', () => {
  const view = {
    type: 'Thing',
    defaults: ['name'],
    fields: {
      id: (item: { id: string; name: string }) => item.id,
      name: (item: { id: string; name: string }) => item.name,
      missing: () => undefined,
    },
  };
  const thing = { id: '1', name: 'One' };

  it('sends the defaults when no fields are asked for, id always included', () => {
    expect(renderNode(view, thing, undefined)).toEqual({ name: 'One', id: '1' });
  });

  it('leaves absent values out', () => {
    expect(renderNode(view, thing, [{ name: 'missing' }])).toEqual({ id: '1' });
  });

  it('refuses unknown fields with Meta’s message', () => {
    expect(() => renderNode(view, thing, [{ name: 'nope' }])).toThrow(
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
