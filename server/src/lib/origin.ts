// The origin (scheme://host:port, default ports left out, host lower-cased) a URL's requests go
// to, as the WHATWG URL parser sees it: the same parser the gateway builds its requests with, so
// a stored origin and a request's URL compare as strings.
export function originOf(url: string): string {
  return new URL(url).origin;
}
