/**
 * An email address, ASCII or internationalised (RFC 6531, common in Nordic and German exports:
 * `åsa.lindström@firma.example`): zod's practical pattern with letters, marks and digits of any script where
 * it has ASCII ones: dot-separated atoms, `@`, labels that do not start with a hyphen, and a top-level domain
 * of letters (`.de`, `.ελ`) or punycode (`xn--p1ai`). Quoted local parts and IP literals are not leads'
 * addresses. Like zod's, it cannot backtrack badly: a label's characters never include the dot that ends it.
 */
export const EMAIL_ADDRESS =
  /^(?:[\p{L}\p{M}\p{N}_'+-]+\.)*[\p{L}\p{M}\p{N}_'+-]*[\p{L}\p{M}\p{N}_+-]@(?:[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}-]*\.)+(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;
