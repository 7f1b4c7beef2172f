// @generated from schema/events/defs.schema.json + schema/events/sample.schema.json + schema/sources/line.schema.json — DO NOT EDIT. Run: pnpm gen
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
  SampleEvent: {
    title: 'SampleEvent',
    description: 'A sample event.',
    type: 'object',
    additionalProperties: false,
    required: ['type', 'run_id', 'items', 'counts'],
    properties: {
      type: {
        const: 'sample',
      },
      run_id: {
        type: 'string',
      },
      items: {
        type: 'array',
        items: {
          $ref: '#/$defs/Item',
        },
      },
      counts: {
        type: 'object',
        additionalProperties: {
          type: 'integer',
        },
      },
      meta: {
        type: 'object',
        additionalProperties: true,
        description: 'Free-form.',
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
  sample: 'SampleEvent',
} as const;
