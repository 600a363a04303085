// Loaded before every test file: type-graphql's decorators need the metadata polyfill first,
// whichever module a test happens to import before the schema.
import 'reflect-metadata';
