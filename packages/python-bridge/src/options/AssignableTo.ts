/**
 * Compiles only when `A` is assignable to `B`, and then is `A`. Checks that a
 * documented options interface and the input type of the zod schema that
 * validates it agree: both directions, and on their keys, for each level
 * (`type _Check = AssignableTo<Documented, z.input<typeof schema>>`).
 *
 * @internal
 */
export type AssignableTo<A extends B, B> = A;
