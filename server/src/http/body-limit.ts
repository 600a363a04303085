// The largest GraphQL request read, over HTTP and WebSocket alike. Twice the largest document a
// mutation takes (an OpenAPI import, 1 MB), so a document near that limit, grown by JSON's
// escaping of its newlines and quotes, still reaches the import and gets its own message.
export const MAX_GRAPHQL_BODY_BYTES = 2 * 1024 * 1024;
