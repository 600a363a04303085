// The server's layers, checked by `pnpm lint:deps` (part of `pnpm test`). Imports run downward only:
//
//   composition  tessera.ts, serve.ts, main.ts, cli/,       assembles everything (the offload
//                offload/offload.{tasks,worker}.ts          worker thread's entry and its tasks)
//   http         http/                                      the Express app and its routes
//   surfaces     graphql/, mcp/, every *.resolver.ts        what callers talk to
//   modules      modules/ (but their resolvers)             one folder per feature
//   services     gateway/, vault/, assistant/, offload/,    the engines the modules drive
//                mail/
//   base         db/, auth/, policy/, observability/,       storage, identity, the one policy,
//                config.ts, repo-root.ts, generated/        metrics, settings
//   lib          lib/                                       plain helpers that know no Tessera
//
// A file's role can lift it out of its folder: a module's resolver (and the assistant's GraphQL
// types, which only its resolver uses) is GraphQL surface code, so it may use graphql/context,
// loaders and shield while the module's services may not.
//
// A layer may import its own layer and any layer below it. Only runtime imports count: an
// `import type` leaves nothing in the running code (offload.ts names its tasks' types, say). The demo world (demo/) and the sandbox
// APIs (sandbox/) sit beside the product: they may use it, the product never imports them (only the
// composition root wires them in). Test files and server/test/ are exempt: tests reach anywhere.
const SRC = '^server/src/';
const TESTS = '(\\.test\\.ts$|\\.test-helper\\.ts$|^server/test/)';

const SURFACE_ROLE = `${SRC}.+\\.resolver\\.ts$|${SRC}assistant/assistant\\.types\\.ts$`;

const layer = {
  composition: `${SRC}(tessera\\.ts|serve\\.ts|main\\.ts|cli/|offload/offload\\.(tasks|worker)\\.ts$)`,
  http: `${SRC}http/`,
  surfaces: `${SRC}(graphql|mcp)/|${SURFACE_ROLE}`,
  modules: `${SRC}modules/`,
  services: `${SRC}(gateway|vault|assistant|offload|mail)/`,
  base: `${SRC}(db|auth|policy|observability|generated)/|${SRC}(config|repo-root)\\.ts$`,
  lib: `${SRC}lib/`,
  beside: `${SRC}(demo|sandbox)/`,
};

/** Forbids imports from `from` into any of `above`. */
function noUpward(name, from, above) {
  return {
    name,
    severity: 'error',
    comment: `${name}: imports run downward (see the layer table at the top of .dependency-cruiser.cjs)`,
    // A file whose role puts it in a higher layer than its folder is judged by that layer's rule.
    from: {
      path: layer[from],
      pathNot: [TESTS, layer.composition, ...(from === 'surfaces' ? [] : [SURFACE_ROLE])].join('|'),
    },
    to: { path: above.map((l) => `(${layer[l]})`).join('|'), dependencyTypesNot: ['type-only'] },
  };
}

module.exports = {
  forbidden: [
    noUpward('http-no-upward', 'http', ['composition', 'beside']),
    noUpward('surfaces-no-upward', 'surfaces', ['composition', 'http', 'beside']),
    noUpward('modules-no-upward', 'modules', ['composition', 'http', 'surfaces', 'beside']),
    noUpward('services-no-upward', 'services', ['composition', 'http', 'surfaces', 'modules', 'beside']),
    noUpward('base-no-upward', 'base', ['composition', 'http', 'surfaces', 'modules', 'services', 'beside']),
    noUpward('lib-no-upward', 'lib', ['composition', 'http', 'surfaces', 'modules', 'services', 'base', 'beside']),
    {
      name: 'beside-not-composition',
      severity: 'error',
      comment: 'the demo world and the sandbox use the product; only the composition root assembles them',
      from: { path: layer.beside, pathNot: TESTS },
      to: { path: layer.composition },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'an import that does not resolve is a typo or a missing dependency',
      from: { path: SRC },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^server/src/generated/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
