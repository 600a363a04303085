// A person as the People and Access pages show them: who they are and the roles they hold in
// each company. One fragment, so both pages ask for (and groupMemberships receives) the same.
import { graphql } from '../../../gql';

export const PersonWithRolesFragment = graphql(`
  fragment PersonWithRoles on User {
    id
    name
    email
    isPlatformAdmin
    memberships {
      company {
        id
        name
      }
      role {
        id
        name
      }
    }
  }
`);
