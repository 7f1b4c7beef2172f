// @generated from schema/events/defs.schema.json + schema/events/batch.schema.json + schema/sources/line.schema.json — DO NOT EDIT. Run: pnpm gen
/** Every event and source schema with the shared definitions, by name (refs as `#/$defs/<Name>`). */
export const SCHEMA_DEFS: Readonly<Record<string, { readonly [keyword: string]: unknown }>> = {
  Item: {
    type: 'object',
    description: 'One item.',
    additionalProperties: false,
    required: ['name', 'tags'],
    properties: {
      name: {
        type: 'string',
        description: 'Item name.',
      },
      score: {
        type: ['number', 'null'],
      },
      tags: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
    },
  },
  BatchEvent: {
    title: 'BatchEvent',
    type: 'object',
    additionalProperties: false,
    required: ['type', 'groups'],
    properties: {
      type: {
        const: 'batch',
      },
      label: {
        type: ['string', 'null'],
      },
      groups: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id'],
          properties: {
            id: {
              type: 'string',
            },
            members: {
              type: ['array', 'null'],
              items: {
                $ref: '#/$defs/Item',
              },
            },
          },
        },
      },
    },
  },
  SampleLine: {
    title: 'SampleLine',
    type: 'object',
    additionalProperties: false,
    required: ['items'],
    properties: {
      items: {
        type: 'array',
        items: {
          $ref: '#/$defs/Item',
        },
      },
    },
  },
};

/** The definition in SCHEMA_DEFS that each canonical event type is checked against. */
export const EVENT_SCHEMA_NAMES = {
  batch: 'BatchEvent',
} as const;
