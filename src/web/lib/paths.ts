// Every URL the SPA links to is built here, so routes and links cannot drift apart.

export const paths = {
  home: () => '/',
} as const
