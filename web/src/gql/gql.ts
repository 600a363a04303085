/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Shell {\n    me {\n      id\n      name\n      email\n      isPlatformAdmin\n      memberships {\n        company {\n          id\n          name\n          slug\n        }\n        role {\n          id\n          key\n          name\n        }\n      }\n    }\n    myAdministeredCompanies {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.ShellDocument,
    "\n  query AccessRoles {\n    roles {\n      id\n      key\n      name\n      description\n    }\n  }\n": typeof types.AccessRolesDocument,
    "\n  query AccessPeople {\n    users {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AccessPeopleDocument,
    "\n  query FieldRulesEditor($roleId: ID!, $companyId: ID!) {\n    roleAccess(roleId: $roleId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      operations {\n        id\n        key\n        method\n      }\n    }\n    fieldRules(companyId: $companyId) {\n      id\n      mode\n      paths\n      operation {\n        id\n      }\n      role {\n        id\n      }\n    }\n  }\n": typeof types.FieldRulesEditorDocument,
    "\n  mutation SetFieldRule($input: SetFieldRuleInput!) {\n    setFieldRule(input: $input) {\n      id\n      mode\n      paths\n    }\n  }\n": typeof types.SetFieldRuleDocument,
    "\n  mutation DeleteFieldRule($operationId: ID!, $roleId: ID!, $companyId: ID!) {\n    deleteFieldRule(operationId: $operationId, roleId: $roleId, companyId: $companyId)\n  }\n": typeof types.DeleteFieldRuleDocument,
    "\n  query PersonAccess($userId: ID!, $companyId: ID!) {\n    user(id: $userId) {\n      ...PersonWithRoles\n    }\n    userAccess(userId: $userId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n      }\n      viaRoles {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PersonAccessDocument,
    "\n  query RoleAccess($roleId: ID!, $companyId: ID!) {\n    roleAccess(roleId: $roleId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        slug\n        description\n        operations {\n          id\n          method\n        }\n      }\n    }\n  }\n": typeof types.RoleAccessDocument,
    "\n  mutation SetEndpointAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {\n    setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) {\n      access\n      endpoint {\n        id\n      }\n    }\n  }\n": typeof types.SetEndpointAccessDocument,
    "\n  query PreviewTools($roleId: ID!, $companyId: ID!) {\n    previewTools(roleId: $roleId, companyId: $companyId) {\n      name\n      description\n      method\n      path\n      operationKey\n      writes\n      endpoint {\n        id\n        name\n        operations {\n          key\n          method\n          path\n          description\n          paramsSchema\n        }\n      }\n    }\n  }\n": typeof types.PreviewToolsDocument,
    "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateCredentialDocument,
    "\n  mutation TestCredential($id: ID!) {\n    testCredential(id: $id) {\n      ok\n      status\n      durationMs\n      message\n    }\n  }\n": typeof types.TestCredentialDocument,
    "\n  mutation RotateCredential($id: ID!, $secret: JSON!) {\n    rotateCredential(id: $id, secret: $secret) {\n      id\n      hint\n      status\n      statusReason\n      origin\n      updatedAt\n      settings\n    }\n  }\n": typeof types.RotateCredentialDocument,
    "\n  mutation ConfirmCredentialOrigin($id: ID!, $origin: String!) {\n    confirmCredentialOrigin(id: $id, origin: $origin) {\n      id\n      status\n      statusReason\n      origin\n      updatedAt\n    }\n  }\n": typeof types.ConfirmCredentialOriginDocument,
    "\n  mutation DeleteCredential($id: ID!) {\n    deleteCredential(id: $id)\n  }\n": typeof types.DeleteCredentialDocument,
    "\n  query AdminCredentials($companyId: ID!) {\n    credentials(companyId: $companyId) {\n      id\n      name\n      kind\n      hint\n      status\n      statusReason\n      origin\n      updatedAt\n      lastTestedAt\n      settings\n      role {\n        id\n        name\n      }\n      endpoint {\n        id\n        name\n        baseUrl\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      auth {\n        credentialKinds\n        schemes {\n          type\n          apiKeyIn\n          apiKeyName\n          flows\n          tokenUrl\n          scopes\n          openIdConnectUrl\n        }\n      }\n    }\n  }\n": typeof types.AdminCredentialsDocument,
    "\n  query CredentialRoles {\n    roles {\n      id\n      name\n    }\n  }\n": typeof types.CredentialRolesDocument,
    "\n  query OAuthConnect($companyId: ID!) {\n    oauthApps(companyId: $companyId) {\n      id\n      name\n      provider\n      authorizationUrl\n      tokenUrl\n      scopes\n      clientId\n      hint\n      usePkce\n    }\n    oauthProviderPresets {\n      key\n      name\n      defaultScopes\n      scopeSeparator\n      pkce\n      refreshTokens\n      rotatingRefreshTokens\n      accessTokenLifetimeSeconds\n      refreshNotes\n      documentationUrl\n      notes\n    }\n    oauthRedirectUri\n  }\n": typeof types.OAuthConnectDocument,
    "\n  mutation CreateOAuthApp($input: CreateOAuthAppInput!) {\n    createOAuthApp(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateOAuthAppDocument,
    "\n  mutation ReplaceOAuthAppSecret($id: ID!, $clientSecret: String!) {\n    updateOAuthApp(id: $id, input: { clientSecret: $clientSecret }) {\n      id\n      hint\n    }\n  }\n": typeof types.ReplaceOAuthAppSecretDocument,
    "\n  mutation DeleteOAuthApp($id: ID!) {\n    deleteOAuthApp(id: $id)\n  }\n": typeof types.DeleteOAuthAppDocument,
    "\n  mutation StartOAuthConnect($input: StartOAuthConnectInput!) {\n    startOAuthConnect(input: $input) {\n      authorizationUrl\n    }\n  }\n": typeof types.StartOAuthConnectDocument,
    "\n  query DashboardSettings($companyId: ID!) {\n    dashboardWidgets(companyId: $companyId) {\n      id\n      operationKey\n      key\n      title\n      kind\n      expression\n      format\n      unit\n      position\n      refreshSeconds\n      params\n      fanOut\n      colours {\n        label\n        meaning\n      }\n      endpoint {\n        id\n        name\n      }\n      roles {\n        position\n        role {\n          id\n          name\n        }\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      operations {\n        id\n        key\n        method\n        path\n      }\n    }\n    roles {\n      id\n      key\n      name\n    }\n  }\n": typeof types.DashboardSettingsDocument,
    "\n  query PreviewDashboardWidget($input: WidgetPreviewInput!) {\n    previewDashboardWidget(input: $input) {\n      answer\n      result\n      error\n      position\n    }\n  }\n": typeof types.PreviewDashboardWidgetDocument,
    "\n  mutation CreateDashboardWidget($input: DashboardWidgetInput!) {\n    createDashboardWidget(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateDashboardWidgetDocument,
    "\n  mutation UpdateDashboardWidget($id: ID!, $input: DashboardWidgetInput!) {\n    updateDashboardWidget(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateDashboardWidgetDocument,
    "\n  mutation DeleteDashboardWidget($id: ID!, $companyId: ID!) {\n    deleteDashboardWidget(id: $id, companyId: $companyId)\n  }\n": typeof types.DeleteDashboardWidgetDocument,
    "\n  mutation CreateEndpoint($input: CreateEndpointInput!) {\n    createEndpoint(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateEndpointDocument,
    "\n  mutation UpdateEndpoint($id: ID!, $input: UpdateEndpointInput!) {\n    updateEndpoint(id: $id, input: $input) {\n      ...AdminEndpointFields\n    }\n  }\n": typeof types.UpdateEndpointDocument,
    "\n  mutation DeleteEndpoint($id: ID!) {\n    deleteEndpoint(id: $id)\n  }\n": typeof types.DeleteEndpointDocument,
    "\n  query AdminEndpoints($companyId: ID!) {\n    endpoints(companyId: $companyId) {\n      ...AdminEndpointFields\n      operations {\n        ...AdminOperationFields\n      }\n    }\n  }\n": typeof types.AdminEndpointsDocument,
    "\n  mutation ImportOpenApi($companyId: ID!, $document: String!, $removeMissing: Boolean, $dryRun: Boolean) {\n    importOpenApi(companyId: $companyId, document: $document, removeMissing: $removeMissing, dryRun: $dryRun) {\n      endpoint {\n        id\n        name\n        slug\n        baseUrl\n      }\n      created\n      operationsCreated\n      operationsUpdated\n      operationsUnchanged\n      operationsRemoved\n      warnings\n    }\n  }\n": typeof types.ImportOpenApiDocument,
    "\n  mutation CreateOperation($endpointId: ID!, $input: CreateOperationInput!) {\n    createOperation(endpointId: $endpointId, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n": typeof types.CreateOperationDocument,
    "\n  mutation UpdateOperation($id: ID!, $input: UpdateOperationInput!) {\n    updateOperation(id: $id, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n": typeof types.UpdateOperationDocument,
    "\n  mutation DeleteOperation($id: ID!) {\n    deleteOperation(id: $id)\n  }\n": typeof types.DeleteOperationDocument,
    "\n  mutation UpdateEndpointAuth($id: ID!, $input: UpdateEndpointInput!) {\n    updateEndpoint(id: $id, input: $input) {\n      ...AdminEndpointFields\n    }\n  }\n": typeof types.UpdateEndpointAuthDocument,
    "\n  fragment AdminEndpointFields on ApiEndpoint {\n    id\n    name\n    slug\n    baseUrl\n    description\n    cacheTtlSeconds\n    rateLimitPerMinute\n    testOperationKey\n    auth {\n      credentialKinds\n      schemes {\n        type\n        apiKeyIn\n        apiKeyName\n        flows\n        authorizationUrl\n        tokenUrl\n        scopes\n        openIdConnectUrl\n      }\n    }\n  }\n": typeof types.AdminEndpointFieldsFragmentDoc,
    "\n  fragment AdminOperationFields on EndpointOperation {\n    id\n    key\n    method\n    path\n    description\n    paramsSchema\n  }\n": typeof types.AdminOperationFieldsFragmentDoc,
    "\n  mutation UpdateOperationParams($id: ID!, $input: UpdateOperationInput!) {\n    updateOperation(id: $id, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n": typeof types.UpdateOperationParamsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n      isPlatformAdmin\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query CompanyInvitations($companyId: ID!) {\n    invitations(companyId: $companyId) {\n      id\n      email\n      status\n      sentAt\n      expiresAt\n      roles {\n        id\n        name\n      }\n    }\n    roles {\n      id\n      name\n      description\n    }\n  }\n": typeof types.CompanyInvitationsDocument,
    "\n  mutation InviteToCompany($input: InviteInput!) {\n    inviteToCompany(input: $input) {\n      emailed\n      acceptUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": typeof types.InviteToCompanyDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      emailed\n      acceptUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query PeopleList {\n    users {\n      ...PersonWithRoles\n    }\n  }\n": typeof types.PeopleListDocument,
    "\n  query PeoplePerson($id: ID!) {\n    user(id: $id) {\n      ...PersonWithRoles\n    }\n    roles {\n      id\n      name\n      description\n    }\n  }\n": typeof types.PeoplePersonDocument,
    "\n  mutation GrantCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {\n    grantCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) {\n      company {\n        id\n        name\n      }\n      role {\n        id\n        name\n      }\n    }\n  }\n": typeof types.GrantCompanyAccessDocument,
    "\n  mutation RevokeCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {\n    revokeCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId)\n  }\n": typeof types.RevokeCompanyAccessDocument,
    "\n  fragment PersonWithRoles on User {\n    id\n    name\n    email\n    isPlatformAdmin\n    memberships {\n      company {\n        id\n        name\n      }\n      role {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PersonWithRolesFragmentDoc,
    "\n  mutation SetIdentityProviderGroupMappings($companyId: ID!, $mappings: [GroupMappingInput!]!) {\n    setIdentityProviderGroupMappings(companyId: $companyId, mappings: $mappings) {\n      group\n      roleId\n    }\n  }\n": typeof types.SetIdentityProviderGroupMappingsDocument,
    "\n  query SsoSettings($companyId: ID!) {\n    identityProvider(companyId: $companyId) {\n      companyId\n      configured\n      issuerUrl\n      clientId\n      hasClientSecret\n      allowedDomains\n      passwordSignInAllowed\n      justInTimeProvisioning\n      groupsClaim\n      groupsOnly\n      groupMappings {\n        group\n        roleId\n        roleKey\n        roleName\n      }\n    }\n    roles {\n      id\n      key\n      name\n    }\n  }\n": typeof types.SsoSettingsDocument,
    "\n  mutation ConfigureIdentityProvider($companyId: ID!, $input: IdentityProviderInput!) {\n    configureIdentityProvider(companyId: $companyId, input: $input) {\n      companyId\n      configured\n      hasClientSecret\n    }\n  }\n": typeof types.ConfigureIdentityProviderDocument,
    "\n  mutation StartIdentityProviderTest($companyId: ID!) {\n    startIdentityProviderTest(companyId: $companyId)\n  }\n": typeof types.StartIdentityProviderTestDocument,
    "\n  fragment UsageFigures on UsageRow {\n    calls\n    errors\n    errorRate\n    p50Ms\n    p95Ms\n    cacheHitRate\n    rateLimited\n  }\n": typeof types.UsageFiguresFragmentDoc,
    "\n  query UsageCharts($companyId: ID, $from: DateTime!, $to: DateTime!) {\n    byDay: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: DAY) {\n      totals {\n        ...UsageFigures\n      }\n      rows {\n        key\n        calls\n        errors\n        rateLimited\n      }\n    }\n    byEndpoint: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: ENDPOINT) {\n      rows {\n        key\n        label\n        p50Ms\n        p95Ms\n      }\n    }\n  }\n": typeof types.UsageChartsDocument,
    "\n  query UsageTable($companyId: ID, $from: DateTime!, $to: DateTime!, $groupBy: UsageGroupBy!) {\n    usageStats(companyId: $companyId, from: $from, to: $to, groupBy: $groupBy) {\n      rows {\n        key\n        label\n        ...UsageFigures\n      }\n    }\n  }\n": typeof types.UsageTableDocument,
    "\n  query MyEndpoints($companyId: ID!) {\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        slug\n        description\n        operations {\n          id\n          key\n          method\n          path\n          description\n          paramsSchema\n        }\n      }\n    }\n  }\n": typeof types.MyEndpointsDocument,
    "\n  query ConsoleReadOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n    readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n": typeof types.ConsoleReadOperationDocument,
    "\n  query ConsolePreviewReadOperation(\n    $roleId: ID!\n    $companyId: ID!\n    $endpointId: ID!\n    $operation: String!\n    $params: JSON\n  ) {\n    previewReadOperation(\n      roleId: $roleId\n      companyId: $companyId\n      endpointId: $endpointId\n      operation: $operation\n      params: $params\n    ) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n": typeof types.ConsolePreviewReadOperationDocument,
    "\n  mutation ConsoleWriteOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n    writeOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n": typeof types.ConsoleWriteOperationDocument,
    "\n  fragment PendingActionFields on PendingAction {\n    id\n    status\n    args\n    expiresAt\n    createdAt\n    resultStatus\n    request {\n      method\n      url\n    }\n    endpoint {\n      id\n      name\n      slug\n    }\n    operation {\n      id\n      key\n      method\n      path\n      description\n    }\n  }\n": typeof types.PendingActionFieldsFragmentDoc,
    "\n  subscription ChatStream($companyId: ID!, $message: String!, $conversationId: ID) {\n    chatStream(companyId: $companyId, message: $message, conversationId: $conversationId) {\n      type\n      text\n      actionId\n      error\n      code\n      toolCall {\n        tool\n        status\n        ok\n      }\n      reply {\n        conversationId\n        message\n        model\n        toolCalls {\n          tool\n          status\n          ok\n        }\n        pendingActions {\n          ...PendingActionFields\n        }\n      }\n    }\n  }\n": typeof types.ChatStreamDocument,
    "\n  query MyPendingActions($companyId: ID!) {\n    myPendingActions(companyId: $companyId) {\n      ...PendingActionFields\n    }\n  }\n": typeof types.MyPendingActionsDocument,
    "\n  query AssistantEndpoints($companyId: ID!) {\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        operations {\n          id\n          key\n          method\n        }\n      }\n    }\n  }\n": typeof types.AssistantEndpointsDocument,
    "\n  mutation ConfirmAction($id: ID!) {\n    confirmAction(id: $id) {\n      action {\n        ...PendingActionFields\n      }\n      result {\n        status\n        data\n      }\n    }\n  }\n": typeof types.ConfirmActionDocument,
    "\n  mutation RejectAction($id: ID!) {\n    rejectAction(id: $id) {\n      action {\n        ...PendingActionFields\n      }\n    }\n  }\n": typeof types.RejectActionDocument,
    "\n  query AuditLogs($companyId: ID, $filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLogs(companyId: $companyId, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          createdAt\n          action\n          companyId\n          company {\n            id\n            name\n          }\n          actor {\n            email\n            name\n          }\n          targetType\n          targetId\n          requestId\n          details\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogsDocument,
    "\n  query DashboardPage($companyId: ID!) {\n    dashboard(companyId: $companyId) {\n      company {\n        id\n        name\n      }\n      generatedAt\n      widgets {\n        id\n        title\n        caption\n        kind\n        operationKey\n        value\n        unit\n        cached\n        error\n        refreshSeconds\n        rows\n        series {\n          label\n          value\n          meaning\n        }\n        endpoint {\n          id\n          name\n        }\n      }\n    }\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DashboardPageDocument,
    "\n  subscription EndpointEvents($companyId: ID!) {\n    endpointEvents(companyId: $companyId) {\n      endpointId\n      endpointSlug\n      eventType\n      receivedAt\n    }\n  }\n": typeof types.EndpointEventsDocument,
    "\n  query InvitationByLink($token: String!) {\n    invitation(token: $token) {\n      companyName\n      roles\n      email\n      status\n    }\n  }\n": typeof types.InvitationByLinkDocument,
    "\n  mutation AcceptInvitation($token: String!, $name: String, $password: String) {\n    acceptInvitation(token: $token, name: $name, password: $password) {\n      token\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($token: String!) {\n    declineInvitation(token: $token)\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  mutation SignInForInvitation($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": typeof types.SignInForInvitationDocument,
    "\n  query SignedInAs {\n    me {\n      email\n    }\n  }\n": typeof types.SignedInAsDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query DemoLogins {\n    demoLogins {\n      email\n      note\n    }\n  }\n": typeof types.DemoLoginsDocument,
    "\n  query SignInMethod($email: String!) {\n    signInMethod(email: $email) {\n      method\n      startUrl\n      passwordAllowed\n    }\n  }\n": typeof types.SignInMethodDocument,
    "\n  query MyAccessTokens($companyId: ID) {\n    accessTokens(companyId: $companyId) {\n      id\n      name\n      prefix\n      readOnly\n      status\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.MyAccessTokensDocument,
    "\n  mutation CreateAccessToken($input: CreateAccessTokenInput!) {\n    createAccessToken(input: $input) {\n      token\n      accessToken {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateAccessTokenDocument,
    "\n  mutation RevokeAccessToken($id: ID!) {\n    revokeAccessToken(id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n": typeof types.RevokeAccessTokenDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation SignOutEverywhere($userId: ID) {\n    signOutEverywhere(userId: $userId)\n  }\n": typeof types.SignOutEverywhereDocument,
};
const documents: Documents = {
    "\n  query Shell {\n    me {\n      id\n      name\n      email\n      isPlatformAdmin\n      memberships {\n        company {\n          id\n          name\n          slug\n        }\n        role {\n          id\n          key\n          name\n        }\n      }\n    }\n    myAdministeredCompanies {\n      id\n      name\n      slug\n    }\n  }\n": types.ShellDocument,
    "\n  query AccessRoles {\n    roles {\n      id\n      key\n      name\n      description\n    }\n  }\n": types.AccessRolesDocument,
    "\n  query AccessPeople {\n    users {\n      id\n      name\n      email\n    }\n  }\n": types.AccessPeopleDocument,
    "\n  query FieldRulesEditor($roleId: ID!, $companyId: ID!) {\n    roleAccess(roleId: $roleId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      operations {\n        id\n        key\n        method\n      }\n    }\n    fieldRules(companyId: $companyId) {\n      id\n      mode\n      paths\n      operation {\n        id\n      }\n      role {\n        id\n      }\n    }\n  }\n": types.FieldRulesEditorDocument,
    "\n  mutation SetFieldRule($input: SetFieldRuleInput!) {\n    setFieldRule(input: $input) {\n      id\n      mode\n      paths\n    }\n  }\n": types.SetFieldRuleDocument,
    "\n  mutation DeleteFieldRule($operationId: ID!, $roleId: ID!, $companyId: ID!) {\n    deleteFieldRule(operationId: $operationId, roleId: $roleId, companyId: $companyId)\n  }\n": types.DeleteFieldRuleDocument,
    "\n  query PersonAccess($userId: ID!, $companyId: ID!) {\n    user(id: $userId) {\n      ...PersonWithRoles\n    }\n    userAccess(userId: $userId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n      }\n      viaRoles {\n        id\n        name\n      }\n    }\n  }\n": types.PersonAccessDocument,
    "\n  query RoleAccess($roleId: ID!, $companyId: ID!) {\n    roleAccess(roleId: $roleId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        slug\n        description\n        operations {\n          id\n          method\n        }\n      }\n    }\n  }\n": types.RoleAccessDocument,
    "\n  mutation SetEndpointAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {\n    setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) {\n      access\n      endpoint {\n        id\n      }\n    }\n  }\n": types.SetEndpointAccessDocument,
    "\n  query PreviewTools($roleId: ID!, $companyId: ID!) {\n    previewTools(roleId: $roleId, companyId: $companyId) {\n      name\n      description\n      method\n      path\n      operationKey\n      writes\n      endpoint {\n        id\n        name\n        operations {\n          key\n          method\n          path\n          description\n          paramsSchema\n        }\n      }\n    }\n  }\n": types.PreviewToolsDocument,
    "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateCredentialDocument,
    "\n  mutation TestCredential($id: ID!) {\n    testCredential(id: $id) {\n      ok\n      status\n      durationMs\n      message\n    }\n  }\n": types.TestCredentialDocument,
    "\n  mutation RotateCredential($id: ID!, $secret: JSON!) {\n    rotateCredential(id: $id, secret: $secret) {\n      id\n      hint\n      status\n      statusReason\n      origin\n      updatedAt\n      settings\n    }\n  }\n": types.RotateCredentialDocument,
    "\n  mutation ConfirmCredentialOrigin($id: ID!, $origin: String!) {\n    confirmCredentialOrigin(id: $id, origin: $origin) {\n      id\n      status\n      statusReason\n      origin\n      updatedAt\n    }\n  }\n": types.ConfirmCredentialOriginDocument,
    "\n  mutation DeleteCredential($id: ID!) {\n    deleteCredential(id: $id)\n  }\n": types.DeleteCredentialDocument,
    "\n  query AdminCredentials($companyId: ID!) {\n    credentials(companyId: $companyId) {\n      id\n      name\n      kind\n      hint\n      status\n      statusReason\n      origin\n      updatedAt\n      lastTestedAt\n      settings\n      role {\n        id\n        name\n      }\n      endpoint {\n        id\n        name\n        baseUrl\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      auth {\n        credentialKinds\n        schemes {\n          type\n          apiKeyIn\n          apiKeyName\n          flows\n          tokenUrl\n          scopes\n          openIdConnectUrl\n        }\n      }\n    }\n  }\n": types.AdminCredentialsDocument,
    "\n  query CredentialRoles {\n    roles {\n      id\n      name\n    }\n  }\n": types.CredentialRolesDocument,
    "\n  query OAuthConnect($companyId: ID!) {\n    oauthApps(companyId: $companyId) {\n      id\n      name\n      provider\n      authorizationUrl\n      tokenUrl\n      scopes\n      clientId\n      hint\n      usePkce\n    }\n    oauthProviderPresets {\n      key\n      name\n      defaultScopes\n      scopeSeparator\n      pkce\n      refreshTokens\n      rotatingRefreshTokens\n      accessTokenLifetimeSeconds\n      refreshNotes\n      documentationUrl\n      notes\n    }\n    oauthRedirectUri\n  }\n": types.OAuthConnectDocument,
    "\n  mutation CreateOAuthApp($input: CreateOAuthAppInput!) {\n    createOAuthApp(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateOAuthAppDocument,
    "\n  mutation ReplaceOAuthAppSecret($id: ID!, $clientSecret: String!) {\n    updateOAuthApp(id: $id, input: { clientSecret: $clientSecret }) {\n      id\n      hint\n    }\n  }\n": types.ReplaceOAuthAppSecretDocument,
    "\n  mutation DeleteOAuthApp($id: ID!) {\n    deleteOAuthApp(id: $id)\n  }\n": types.DeleteOAuthAppDocument,
    "\n  mutation StartOAuthConnect($input: StartOAuthConnectInput!) {\n    startOAuthConnect(input: $input) {\n      authorizationUrl\n    }\n  }\n": types.StartOAuthConnectDocument,
    "\n  query DashboardSettings($companyId: ID!) {\n    dashboardWidgets(companyId: $companyId) {\n      id\n      operationKey\n      key\n      title\n      kind\n      expression\n      format\n      unit\n      position\n      refreshSeconds\n      params\n      fanOut\n      colours {\n        label\n        meaning\n      }\n      endpoint {\n        id\n        name\n      }\n      roles {\n        position\n        role {\n          id\n          name\n        }\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      operations {\n        id\n        key\n        method\n        path\n      }\n    }\n    roles {\n      id\n      key\n      name\n    }\n  }\n": types.DashboardSettingsDocument,
    "\n  query PreviewDashboardWidget($input: WidgetPreviewInput!) {\n    previewDashboardWidget(input: $input) {\n      answer\n      result\n      error\n      position\n    }\n  }\n": types.PreviewDashboardWidgetDocument,
    "\n  mutation CreateDashboardWidget($input: DashboardWidgetInput!) {\n    createDashboardWidget(input: $input) {\n      id\n    }\n  }\n": types.CreateDashboardWidgetDocument,
    "\n  mutation UpdateDashboardWidget($id: ID!, $input: DashboardWidgetInput!) {\n    updateDashboardWidget(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateDashboardWidgetDocument,
    "\n  mutation DeleteDashboardWidget($id: ID!, $companyId: ID!) {\n    deleteDashboardWidget(id: $id, companyId: $companyId)\n  }\n": types.DeleteDashboardWidgetDocument,
    "\n  mutation CreateEndpoint($input: CreateEndpointInput!) {\n    createEndpoint(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateEndpointDocument,
    "\n  mutation UpdateEndpoint($id: ID!, $input: UpdateEndpointInput!) {\n    updateEndpoint(id: $id, input: $input) {\n      ...AdminEndpointFields\n    }\n  }\n": types.UpdateEndpointDocument,
    "\n  mutation DeleteEndpoint($id: ID!) {\n    deleteEndpoint(id: $id)\n  }\n": types.DeleteEndpointDocument,
    "\n  query AdminEndpoints($companyId: ID!) {\n    endpoints(companyId: $companyId) {\n      ...AdminEndpointFields\n      operations {\n        ...AdminOperationFields\n      }\n    }\n  }\n": types.AdminEndpointsDocument,
    "\n  mutation ImportOpenApi($companyId: ID!, $document: String!, $removeMissing: Boolean, $dryRun: Boolean) {\n    importOpenApi(companyId: $companyId, document: $document, removeMissing: $removeMissing, dryRun: $dryRun) {\n      endpoint {\n        id\n        name\n        slug\n        baseUrl\n      }\n      created\n      operationsCreated\n      operationsUpdated\n      operationsUnchanged\n      operationsRemoved\n      warnings\n    }\n  }\n": types.ImportOpenApiDocument,
    "\n  mutation CreateOperation($endpointId: ID!, $input: CreateOperationInput!) {\n    createOperation(endpointId: $endpointId, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n": types.CreateOperationDocument,
    "\n  mutation UpdateOperation($id: ID!, $input: UpdateOperationInput!) {\n    updateOperation(id: $id, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n": types.UpdateOperationDocument,
    "\n  mutation DeleteOperation($id: ID!) {\n    deleteOperation(id: $id)\n  }\n": types.DeleteOperationDocument,
    "\n  mutation UpdateEndpointAuth($id: ID!, $input: UpdateEndpointInput!) {\n    updateEndpoint(id: $id, input: $input) {\n      ...AdminEndpointFields\n    }\n  }\n": types.UpdateEndpointAuthDocument,
    "\n  fragment AdminEndpointFields on ApiEndpoint {\n    id\n    name\n    slug\n    baseUrl\n    description\n    cacheTtlSeconds\n    rateLimitPerMinute\n    testOperationKey\n    auth {\n      credentialKinds\n      schemes {\n        type\n        apiKeyIn\n        apiKeyName\n        flows\n        authorizationUrl\n        tokenUrl\n        scopes\n        openIdConnectUrl\n      }\n    }\n  }\n": types.AdminEndpointFieldsFragmentDoc,
    "\n  fragment AdminOperationFields on EndpointOperation {\n    id\n    key\n    method\n    path\n    description\n    paramsSchema\n  }\n": types.AdminOperationFieldsFragmentDoc,
    "\n  mutation UpdateOperationParams($id: ID!, $input: UpdateOperationInput!) {\n    updateOperation(id: $id, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n": types.UpdateOperationParamsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n      isPlatformAdmin\n    }\n  }\n": types.CreateUserDocument,
    "\n  query CompanyInvitations($companyId: ID!) {\n    invitations(companyId: $companyId) {\n      id\n      email\n      status\n      sentAt\n      expiresAt\n      roles {\n        id\n        name\n      }\n    }\n    roles {\n      id\n      name\n      description\n    }\n  }\n": types.CompanyInvitationsDocument,
    "\n  mutation InviteToCompany($input: InviteInput!) {\n    inviteToCompany(input: $input) {\n      emailed\n      acceptUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": types.InviteToCompanyDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      emailed\n      acceptUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query PeopleList {\n    users {\n      ...PersonWithRoles\n    }\n  }\n": types.PeopleListDocument,
    "\n  query PeoplePerson($id: ID!) {\n    user(id: $id) {\n      ...PersonWithRoles\n    }\n    roles {\n      id\n      name\n      description\n    }\n  }\n": types.PeoplePersonDocument,
    "\n  mutation GrantCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {\n    grantCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) {\n      company {\n        id\n        name\n      }\n      role {\n        id\n        name\n      }\n    }\n  }\n": types.GrantCompanyAccessDocument,
    "\n  mutation RevokeCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {\n    revokeCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId)\n  }\n": types.RevokeCompanyAccessDocument,
    "\n  fragment PersonWithRoles on User {\n    id\n    name\n    email\n    isPlatformAdmin\n    memberships {\n      company {\n        id\n        name\n      }\n      role {\n        id\n        name\n      }\n    }\n  }\n": types.PersonWithRolesFragmentDoc,
    "\n  mutation SetIdentityProviderGroupMappings($companyId: ID!, $mappings: [GroupMappingInput!]!) {\n    setIdentityProviderGroupMappings(companyId: $companyId, mappings: $mappings) {\n      group\n      roleId\n    }\n  }\n": types.SetIdentityProviderGroupMappingsDocument,
    "\n  query SsoSettings($companyId: ID!) {\n    identityProvider(companyId: $companyId) {\n      companyId\n      configured\n      issuerUrl\n      clientId\n      hasClientSecret\n      allowedDomains\n      passwordSignInAllowed\n      justInTimeProvisioning\n      groupsClaim\n      groupsOnly\n      groupMappings {\n        group\n        roleId\n        roleKey\n        roleName\n      }\n    }\n    roles {\n      id\n      key\n      name\n    }\n  }\n": types.SsoSettingsDocument,
    "\n  mutation ConfigureIdentityProvider($companyId: ID!, $input: IdentityProviderInput!) {\n    configureIdentityProvider(companyId: $companyId, input: $input) {\n      companyId\n      configured\n      hasClientSecret\n    }\n  }\n": types.ConfigureIdentityProviderDocument,
    "\n  mutation StartIdentityProviderTest($companyId: ID!) {\n    startIdentityProviderTest(companyId: $companyId)\n  }\n": types.StartIdentityProviderTestDocument,
    "\n  fragment UsageFigures on UsageRow {\n    calls\n    errors\n    errorRate\n    p50Ms\n    p95Ms\n    cacheHitRate\n    rateLimited\n  }\n": types.UsageFiguresFragmentDoc,
    "\n  query UsageCharts($companyId: ID, $from: DateTime!, $to: DateTime!) {\n    byDay: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: DAY) {\n      totals {\n        ...UsageFigures\n      }\n      rows {\n        key\n        calls\n        errors\n        rateLimited\n      }\n    }\n    byEndpoint: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: ENDPOINT) {\n      rows {\n        key\n        label\n        p50Ms\n        p95Ms\n      }\n    }\n  }\n": types.UsageChartsDocument,
    "\n  query UsageTable($companyId: ID, $from: DateTime!, $to: DateTime!, $groupBy: UsageGroupBy!) {\n    usageStats(companyId: $companyId, from: $from, to: $to, groupBy: $groupBy) {\n      rows {\n        key\n        label\n        ...UsageFigures\n      }\n    }\n  }\n": types.UsageTableDocument,
    "\n  query MyEndpoints($companyId: ID!) {\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        slug\n        description\n        operations {\n          id\n          key\n          method\n          path\n          description\n          paramsSchema\n        }\n      }\n    }\n  }\n": types.MyEndpointsDocument,
    "\n  query ConsoleReadOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n    readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n": types.ConsoleReadOperationDocument,
    "\n  query ConsolePreviewReadOperation(\n    $roleId: ID!\n    $companyId: ID!\n    $endpointId: ID!\n    $operation: String!\n    $params: JSON\n  ) {\n    previewReadOperation(\n      roleId: $roleId\n      companyId: $companyId\n      endpointId: $endpointId\n      operation: $operation\n      params: $params\n    ) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n": types.ConsolePreviewReadOperationDocument,
    "\n  mutation ConsoleWriteOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n    writeOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n": types.ConsoleWriteOperationDocument,
    "\n  fragment PendingActionFields on PendingAction {\n    id\n    status\n    args\n    expiresAt\n    createdAt\n    resultStatus\n    request {\n      method\n      url\n    }\n    endpoint {\n      id\n      name\n      slug\n    }\n    operation {\n      id\n      key\n      method\n      path\n      description\n    }\n  }\n": types.PendingActionFieldsFragmentDoc,
    "\n  subscription ChatStream($companyId: ID!, $message: String!, $conversationId: ID) {\n    chatStream(companyId: $companyId, message: $message, conversationId: $conversationId) {\n      type\n      text\n      actionId\n      error\n      code\n      toolCall {\n        tool\n        status\n        ok\n      }\n      reply {\n        conversationId\n        message\n        model\n        toolCalls {\n          tool\n          status\n          ok\n        }\n        pendingActions {\n          ...PendingActionFields\n        }\n      }\n    }\n  }\n": types.ChatStreamDocument,
    "\n  query MyPendingActions($companyId: ID!) {\n    myPendingActions(companyId: $companyId) {\n      ...PendingActionFields\n    }\n  }\n": types.MyPendingActionsDocument,
    "\n  query AssistantEndpoints($companyId: ID!) {\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        operations {\n          id\n          key\n          method\n        }\n      }\n    }\n  }\n": types.AssistantEndpointsDocument,
    "\n  mutation ConfirmAction($id: ID!) {\n    confirmAction(id: $id) {\n      action {\n        ...PendingActionFields\n      }\n      result {\n        status\n        data\n      }\n    }\n  }\n": types.ConfirmActionDocument,
    "\n  mutation RejectAction($id: ID!) {\n    rejectAction(id: $id) {\n      action {\n        ...PendingActionFields\n      }\n    }\n  }\n": types.RejectActionDocument,
    "\n  query AuditLogs($companyId: ID, $filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLogs(companyId: $companyId, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          createdAt\n          action\n          companyId\n          company {\n            id\n            name\n          }\n          actor {\n            email\n            name\n          }\n          targetType\n          targetId\n          requestId\n          details\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogsDocument,
    "\n  query DashboardPage($companyId: ID!) {\n    dashboard(companyId: $companyId) {\n      company {\n        id\n        name\n      }\n      generatedAt\n      widgets {\n        id\n        title\n        caption\n        kind\n        operationKey\n        value\n        unit\n        cached\n        error\n        refreshSeconds\n        rows\n        series {\n          label\n          value\n          meaning\n        }\n        endpoint {\n          id\n          name\n        }\n      }\n    }\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n      }\n    }\n  }\n": types.DashboardPageDocument,
    "\n  subscription EndpointEvents($companyId: ID!) {\n    endpointEvents(companyId: $companyId) {\n      endpointId\n      endpointSlug\n      eventType\n      receivedAt\n    }\n  }\n": types.EndpointEventsDocument,
    "\n  query InvitationByLink($token: String!) {\n    invitation(token: $token) {\n      companyName\n      roles\n      email\n      status\n    }\n  }\n": types.InvitationByLinkDocument,
    "\n  mutation AcceptInvitation($token: String!, $name: String, $password: String) {\n    acceptInvitation(token: $token, name: $name, password: $password) {\n      token\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($token: String!) {\n    declineInvitation(token: $token)\n  }\n": types.DeclineInvitationDocument,
    "\n  mutation SignInForInvitation($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": types.SignInForInvitationDocument,
    "\n  query SignedInAs {\n    me {\n      email\n    }\n  }\n": types.SignedInAsDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query DemoLogins {\n    demoLogins {\n      email\n      note\n    }\n  }\n": types.DemoLoginsDocument,
    "\n  query SignInMethod($email: String!) {\n    signInMethod(email: $email) {\n      method\n      startUrl\n      passwordAllowed\n    }\n  }\n": types.SignInMethodDocument,
    "\n  query MyAccessTokens($companyId: ID) {\n    accessTokens(companyId: $companyId) {\n      id\n      name\n      prefix\n      readOnly\n      status\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.MyAccessTokensDocument,
    "\n  mutation CreateAccessToken($input: CreateAccessTokenInput!) {\n    createAccessToken(input: $input) {\n      token\n      accessToken {\n        id\n        name\n      }\n    }\n  }\n": types.CreateAccessTokenDocument,
    "\n  mutation RevokeAccessToken($id: ID!) {\n    revokeAccessToken(id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n": types.RevokeAccessTokenDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation SignOutEverywhere($userId: ID) {\n    signOutEverywhere(userId: $userId)\n  }\n": types.SignOutEverywhereDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shell {\n    me {\n      id\n      name\n      email\n      isPlatformAdmin\n      memberships {\n        company {\n          id\n          name\n          slug\n        }\n        role {\n          id\n          key\n          name\n        }\n      }\n    }\n    myAdministeredCompanies {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    me {\n      id\n      name\n      email\n      isPlatformAdmin\n      memberships {\n        company {\n          id\n          name\n          slug\n        }\n        role {\n          id\n          key\n          name\n        }\n      }\n    }\n    myAdministeredCompanies {\n      id\n      name\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessRoles {\n    roles {\n      id\n      key\n      name\n      description\n    }\n  }\n"): (typeof documents)["\n  query AccessRoles {\n    roles {\n      id\n      key\n      name\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessPeople {\n    users {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query AccessPeople {\n    users {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldRulesEditor($roleId: ID!, $companyId: ID!) {\n    roleAccess(roleId: $roleId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      operations {\n        id\n        key\n        method\n      }\n    }\n    fieldRules(companyId: $companyId) {\n      id\n      mode\n      paths\n      operation {\n        id\n      }\n      role {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query FieldRulesEditor($roleId: ID!, $companyId: ID!) {\n    roleAccess(roleId: $roleId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      operations {\n        id\n        key\n        method\n      }\n    }\n    fieldRules(companyId: $companyId) {\n      id\n      mode\n      paths\n      operation {\n        id\n      }\n      role {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFieldRule($input: SetFieldRuleInput!) {\n    setFieldRule(input: $input) {\n      id\n      mode\n      paths\n    }\n  }\n"): (typeof documents)["\n  mutation SetFieldRule($input: SetFieldRuleInput!) {\n    setFieldRule(input: $input) {\n      id\n      mode\n      paths\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFieldRule($operationId: ID!, $roleId: ID!, $companyId: ID!) {\n    deleteFieldRule(operationId: $operationId, roleId: $roleId, companyId: $companyId)\n  }\n"): (typeof documents)["\n  mutation DeleteFieldRule($operationId: ID!, $roleId: ID!, $companyId: ID!) {\n    deleteFieldRule(operationId: $operationId, roleId: $roleId, companyId: $companyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonAccess($userId: ID!, $companyId: ID!) {\n    user(id: $userId) {\n      ...PersonWithRoles\n    }\n    userAccess(userId: $userId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n      }\n      viaRoles {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonAccess($userId: ID!, $companyId: ID!) {\n    user(id: $userId) {\n      ...PersonWithRoles\n    }\n    userAccess(userId: $userId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n      }\n      viaRoles {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleAccess($roleId: ID!, $companyId: ID!) {\n    roleAccess(roleId: $roleId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        slug\n        description\n        operations {\n          id\n          method\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoleAccess($roleId: ID!, $companyId: ID!) {\n    roleAccess(roleId: $roleId, companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        slug\n        description\n        operations {\n          id\n          method\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetEndpointAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {\n    setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) {\n      access\n      endpoint {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetEndpointAccess($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {\n    setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) {\n      access\n      endpoint {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewTools($roleId: ID!, $companyId: ID!) {\n    previewTools(roleId: $roleId, companyId: $companyId) {\n      name\n      description\n      method\n      path\n      operationKey\n      writes\n      endpoint {\n        id\n        name\n        operations {\n          key\n          method\n          path\n          description\n          paramsSchema\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewTools($roleId: ID!, $companyId: ID!) {\n    previewTools(roleId: $roleId, companyId: $companyId) {\n      name\n      description\n      method\n      path\n      operationKey\n      writes\n      endpoint {\n        id\n        name\n        operations {\n          key\n          method\n          path\n          description\n          paramsSchema\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestCredential($id: ID!) {\n    testCredential(id: $id) {\n      ok\n      status\n      durationMs\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation TestCredential($id: ID!) {\n    testCredential(id: $id) {\n      ok\n      status\n      durationMs\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCredential($id: ID!, $secret: JSON!) {\n    rotateCredential(id: $id, secret: $secret) {\n      id\n      hint\n      status\n      statusReason\n      origin\n      updatedAt\n      settings\n    }\n  }\n"): (typeof documents)["\n  mutation RotateCredential($id: ID!, $secret: JSON!) {\n    rotateCredential(id: $id, secret: $secret) {\n      id\n      hint\n      status\n      statusReason\n      origin\n      updatedAt\n      settings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmCredentialOrigin($id: ID!, $origin: String!) {\n    confirmCredentialOrigin(id: $id, origin: $origin) {\n      id\n      status\n      statusReason\n      origin\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmCredentialOrigin($id: ID!, $origin: String!) {\n    confirmCredentialOrigin(id: $id, origin: $origin) {\n      id\n      status\n      statusReason\n      origin\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCredential($id: ID!) {\n    deleteCredential(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCredential($id: ID!) {\n    deleteCredential(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCredentials($companyId: ID!) {\n    credentials(companyId: $companyId) {\n      id\n      name\n      kind\n      hint\n      status\n      statusReason\n      origin\n      updatedAt\n      lastTestedAt\n      settings\n      role {\n        id\n        name\n      }\n      endpoint {\n        id\n        name\n        baseUrl\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      auth {\n        credentialKinds\n        schemes {\n          type\n          apiKeyIn\n          apiKeyName\n          flows\n          tokenUrl\n          scopes\n          openIdConnectUrl\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCredentials($companyId: ID!) {\n    credentials(companyId: $companyId) {\n      id\n      name\n      kind\n      hint\n      status\n      statusReason\n      origin\n      updatedAt\n      lastTestedAt\n      settings\n      role {\n        id\n        name\n      }\n      endpoint {\n        id\n        name\n        baseUrl\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      auth {\n        credentialKinds\n        schemes {\n          type\n          apiKeyIn\n          apiKeyName\n          flows\n          tokenUrl\n          scopes\n          openIdConnectUrl\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialRoles {\n    roles {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query CredentialRoles {\n    roles {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthConnect($companyId: ID!) {\n    oauthApps(companyId: $companyId) {\n      id\n      name\n      provider\n      authorizationUrl\n      tokenUrl\n      scopes\n      clientId\n      hint\n      usePkce\n    }\n    oauthProviderPresets {\n      key\n      name\n      defaultScopes\n      scopeSeparator\n      pkce\n      refreshTokens\n      rotatingRefreshTokens\n      accessTokenLifetimeSeconds\n      refreshNotes\n      documentationUrl\n      notes\n    }\n    oauthRedirectUri\n  }\n"): (typeof documents)["\n  query OAuthConnect($companyId: ID!) {\n    oauthApps(companyId: $companyId) {\n      id\n      name\n      provider\n      authorizationUrl\n      tokenUrl\n      scopes\n      clientId\n      hint\n      usePkce\n    }\n    oauthProviderPresets {\n      key\n      name\n      defaultScopes\n      scopeSeparator\n      pkce\n      refreshTokens\n      rotatingRefreshTokens\n      accessTokenLifetimeSeconds\n      refreshNotes\n      documentationUrl\n      notes\n    }\n    oauthRedirectUri\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOAuthApp($input: CreateOAuthAppInput!) {\n    createOAuthApp(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOAuthApp($input: CreateOAuthAppInput!) {\n    createOAuthApp(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplaceOAuthAppSecret($id: ID!, $clientSecret: String!) {\n    updateOAuthApp(id: $id, input: { clientSecret: $clientSecret }) {\n      id\n      hint\n    }\n  }\n"): (typeof documents)["\n  mutation ReplaceOAuthAppSecret($id: ID!, $clientSecret: String!) {\n    updateOAuthApp(id: $id, input: { clientSecret: $clientSecret }) {\n      id\n      hint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOAuthApp($id: ID!) {\n    deleteOAuthApp(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteOAuthApp($id: ID!) {\n    deleteOAuthApp(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartOAuthConnect($input: StartOAuthConnectInput!) {\n    startOAuthConnect(input: $input) {\n      authorizationUrl\n    }\n  }\n"): (typeof documents)["\n  mutation StartOAuthConnect($input: StartOAuthConnectInput!) {\n    startOAuthConnect(input: $input) {\n      authorizationUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSettings($companyId: ID!) {\n    dashboardWidgets(companyId: $companyId) {\n      id\n      operationKey\n      key\n      title\n      kind\n      expression\n      format\n      unit\n      position\n      refreshSeconds\n      params\n      fanOut\n      colours {\n        label\n        meaning\n      }\n      endpoint {\n        id\n        name\n      }\n      roles {\n        position\n        role {\n          id\n          name\n        }\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      operations {\n        id\n        key\n        method\n        path\n      }\n    }\n    roles {\n      id\n      key\n      name\n    }\n  }\n"): (typeof documents)["\n  query DashboardSettings($companyId: ID!) {\n    dashboardWidgets(companyId: $companyId) {\n      id\n      operationKey\n      key\n      title\n      kind\n      expression\n      format\n      unit\n      position\n      refreshSeconds\n      params\n      fanOut\n      colours {\n        label\n        meaning\n      }\n      endpoint {\n        id\n        name\n      }\n      roles {\n        position\n        role {\n          id\n          name\n        }\n      }\n    }\n    endpoints(companyId: $companyId) {\n      id\n      name\n      operations {\n        id\n        key\n        method\n        path\n      }\n    }\n    roles {\n      id\n      key\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewDashboardWidget($input: WidgetPreviewInput!) {\n    previewDashboardWidget(input: $input) {\n      answer\n      result\n      error\n      position\n    }\n  }\n"): (typeof documents)["\n  query PreviewDashboardWidget($input: WidgetPreviewInput!) {\n    previewDashboardWidget(input: $input) {\n      answer\n      result\n      error\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDashboardWidget($input: DashboardWidgetInput!) {\n    createDashboardWidget(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDashboardWidget($input: DashboardWidgetInput!) {\n    createDashboardWidget(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDashboardWidget($id: ID!, $input: DashboardWidgetInput!) {\n    updateDashboardWidget(id: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDashboardWidget($id: ID!, $input: DashboardWidgetInput!) {\n    updateDashboardWidget(id: $id, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDashboardWidget($id: ID!, $companyId: ID!) {\n    deleteDashboardWidget(id: $id, companyId: $companyId)\n  }\n"): (typeof documents)["\n  mutation DeleteDashboardWidget($id: ID!, $companyId: ID!) {\n    deleteDashboardWidget(id: $id, companyId: $companyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEndpoint($input: CreateEndpointInput!) {\n    createEndpoint(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEndpoint($input: CreateEndpointInput!) {\n    createEndpoint(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEndpoint($id: ID!, $input: UpdateEndpointInput!) {\n    updateEndpoint(id: $id, input: $input) {\n      ...AdminEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEndpoint($id: ID!, $input: UpdateEndpointInput!) {\n    updateEndpoint(id: $id, input: $input) {\n      ...AdminEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEndpoint($id: ID!) {\n    deleteEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteEndpoint($id: ID!) {\n    deleteEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminEndpoints($companyId: ID!) {\n    endpoints(companyId: $companyId) {\n      ...AdminEndpointFields\n      operations {\n        ...AdminOperationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminEndpoints($companyId: ID!) {\n    endpoints(companyId: $companyId) {\n      ...AdminEndpointFields\n      operations {\n        ...AdminOperationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportOpenApi($companyId: ID!, $document: String!, $removeMissing: Boolean, $dryRun: Boolean) {\n    importOpenApi(companyId: $companyId, document: $document, removeMissing: $removeMissing, dryRun: $dryRun) {\n      endpoint {\n        id\n        name\n        slug\n        baseUrl\n      }\n      created\n      operationsCreated\n      operationsUpdated\n      operationsUnchanged\n      operationsRemoved\n      warnings\n    }\n  }\n"): (typeof documents)["\n  mutation ImportOpenApi($companyId: ID!, $document: String!, $removeMissing: Boolean, $dryRun: Boolean) {\n    importOpenApi(companyId: $companyId, document: $document, removeMissing: $removeMissing, dryRun: $dryRun) {\n      endpoint {\n        id\n        name\n        slug\n        baseUrl\n      }\n      created\n      operationsCreated\n      operationsUpdated\n      operationsUnchanged\n      operationsRemoved\n      warnings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOperation($endpointId: ID!, $input: CreateOperationInput!) {\n    createOperation(endpointId: $endpointId, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOperation($endpointId: ID!, $input: CreateOperationInput!) {\n    createOperation(endpointId: $endpointId, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOperation($id: ID!, $input: UpdateOperationInput!) {\n    updateOperation(id: $id, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOperation($id: ID!, $input: UpdateOperationInput!) {\n    updateOperation(id: $id, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOperation($id: ID!) {\n    deleteOperation(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteOperation($id: ID!) {\n    deleteOperation(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEndpointAuth($id: ID!, $input: UpdateEndpointInput!) {\n    updateEndpoint(id: $id, input: $input) {\n      ...AdminEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEndpointAuth($id: ID!, $input: UpdateEndpointInput!) {\n    updateEndpoint(id: $id, input: $input) {\n      ...AdminEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminEndpointFields on ApiEndpoint {\n    id\n    name\n    slug\n    baseUrl\n    description\n    cacheTtlSeconds\n    rateLimitPerMinute\n    testOperationKey\n    auth {\n      credentialKinds\n      schemes {\n        type\n        apiKeyIn\n        apiKeyName\n        flows\n        authorizationUrl\n        tokenUrl\n        scopes\n        openIdConnectUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminEndpointFields on ApiEndpoint {\n    id\n    name\n    slug\n    baseUrl\n    description\n    cacheTtlSeconds\n    rateLimitPerMinute\n    testOperationKey\n    auth {\n      credentialKinds\n      schemes {\n        type\n        apiKeyIn\n        apiKeyName\n        flows\n        authorizationUrl\n        tokenUrl\n        scopes\n        openIdConnectUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminOperationFields on EndpointOperation {\n    id\n    key\n    method\n    path\n    description\n    paramsSchema\n  }\n"): (typeof documents)["\n  fragment AdminOperationFields on EndpointOperation {\n    id\n    key\n    method\n    path\n    description\n    paramsSchema\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOperationParams($id: ID!, $input: UpdateOperationInput!) {\n    updateOperation(id: $id, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOperationParams($id: ID!, $input: UpdateOperationInput!) {\n    updateOperation(id: $id, input: $input) {\n      ...AdminOperationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n      isPlatformAdmin\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n      isPlatformAdmin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyInvitations($companyId: ID!) {\n    invitations(companyId: $companyId) {\n      id\n      email\n      status\n      sentAt\n      expiresAt\n      roles {\n        id\n        name\n      }\n    }\n    roles {\n      id\n      name\n      description\n    }\n  }\n"): (typeof documents)["\n  query CompanyInvitations($companyId: ID!) {\n    invitations(companyId: $companyId) {\n      id\n      email\n      status\n      sentAt\n      expiresAt\n      roles {\n        id\n        name\n      }\n    }\n    roles {\n      id\n      name\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToCompany($input: InviteInput!) {\n    inviteToCompany(input: $input) {\n      emailed\n      acceptUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteToCompany($input: InviteInput!) {\n    inviteToCompany(input: $input) {\n      emailed\n      acceptUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      emailed\n      acceptUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      emailed\n      acceptUrl\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleList {\n    users {\n      ...PersonWithRoles\n    }\n  }\n"): (typeof documents)["\n  query PeopleList {\n    users {\n      ...PersonWithRoles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeoplePerson($id: ID!) {\n    user(id: $id) {\n      ...PersonWithRoles\n    }\n    roles {\n      id\n      name\n      description\n    }\n  }\n"): (typeof documents)["\n  query PeoplePerson($id: ID!) {\n    user(id: $id) {\n      ...PersonWithRoles\n    }\n    roles {\n      id\n      name\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {\n    grantCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) {\n      company {\n        id\n        name\n      }\n      role {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {\n    grantCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) {\n      company {\n        id\n        name\n      }\n      role {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {\n    revokeCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId)\n  }\n"): (typeof documents)["\n  mutation RevokeCompanyAccess($userId: ID!, $companyId: ID!, $roleId: ID!) {\n    revokeCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonWithRoles on User {\n    id\n    name\n    email\n    isPlatformAdmin\n    memberships {\n      company {\n        id\n        name\n      }\n      role {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PersonWithRoles on User {\n    id\n    name\n    email\n    isPlatformAdmin\n    memberships {\n      company {\n        id\n        name\n      }\n      role {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIdentityProviderGroupMappings($companyId: ID!, $mappings: [GroupMappingInput!]!) {\n    setIdentityProviderGroupMappings(companyId: $companyId, mappings: $mappings) {\n      group\n      roleId\n    }\n  }\n"): (typeof documents)["\n  mutation SetIdentityProviderGroupMappings($companyId: ID!, $mappings: [GroupMappingInput!]!) {\n    setIdentityProviderGroupMappings(companyId: $companyId, mappings: $mappings) {\n      group\n      roleId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoSettings($companyId: ID!) {\n    identityProvider(companyId: $companyId) {\n      companyId\n      configured\n      issuerUrl\n      clientId\n      hasClientSecret\n      allowedDomains\n      passwordSignInAllowed\n      justInTimeProvisioning\n      groupsClaim\n      groupsOnly\n      groupMappings {\n        group\n        roleId\n        roleKey\n        roleName\n      }\n    }\n    roles {\n      id\n      key\n      name\n    }\n  }\n"): (typeof documents)["\n  query SsoSettings($companyId: ID!) {\n    identityProvider(companyId: $companyId) {\n      companyId\n      configured\n      issuerUrl\n      clientId\n      hasClientSecret\n      allowedDomains\n      passwordSignInAllowed\n      justInTimeProvisioning\n      groupsClaim\n      groupsOnly\n      groupMappings {\n        group\n        roleId\n        roleKey\n        roleName\n      }\n    }\n    roles {\n      id\n      key\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureIdentityProvider($companyId: ID!, $input: IdentityProviderInput!) {\n    configureIdentityProvider(companyId: $companyId, input: $input) {\n      companyId\n      configured\n      hasClientSecret\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureIdentityProvider($companyId: ID!, $input: IdentityProviderInput!) {\n    configureIdentityProvider(companyId: $companyId, input: $input) {\n      companyId\n      configured\n      hasClientSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartIdentityProviderTest($companyId: ID!) {\n    startIdentityProviderTest(companyId: $companyId)\n  }\n"): (typeof documents)["\n  mutation StartIdentityProviderTest($companyId: ID!) {\n    startIdentityProviderTest(companyId: $companyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UsageFigures on UsageRow {\n    calls\n    errors\n    errorRate\n    p50Ms\n    p95Ms\n    cacheHitRate\n    rateLimited\n  }\n"): (typeof documents)["\n  fragment UsageFigures on UsageRow {\n    calls\n    errors\n    errorRate\n    p50Ms\n    p95Ms\n    cacheHitRate\n    rateLimited\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageCharts($companyId: ID, $from: DateTime!, $to: DateTime!) {\n    byDay: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: DAY) {\n      totals {\n        ...UsageFigures\n      }\n      rows {\n        key\n        calls\n        errors\n        rateLimited\n      }\n    }\n    byEndpoint: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: ENDPOINT) {\n      rows {\n        key\n        label\n        p50Ms\n        p95Ms\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageCharts($companyId: ID, $from: DateTime!, $to: DateTime!) {\n    byDay: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: DAY) {\n      totals {\n        ...UsageFigures\n      }\n      rows {\n        key\n        calls\n        errors\n        rateLimited\n      }\n    }\n    byEndpoint: usageStats(companyId: $companyId, from: $from, to: $to, groupBy: ENDPOINT) {\n      rows {\n        key\n        label\n        p50Ms\n        p95Ms\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageTable($companyId: ID, $from: DateTime!, $to: DateTime!, $groupBy: UsageGroupBy!) {\n    usageStats(companyId: $companyId, from: $from, to: $to, groupBy: $groupBy) {\n      rows {\n        key\n        label\n        ...UsageFigures\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageTable($companyId: ID, $from: DateTime!, $to: DateTime!, $groupBy: UsageGroupBy!) {\n    usageStats(companyId: $companyId, from: $from, to: $to, groupBy: $groupBy) {\n      rows {\n        key\n        label\n        ...UsageFigures\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEndpoints($companyId: ID!) {\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        slug\n        description\n        operations {\n          id\n          key\n          method\n          path\n          description\n          paramsSchema\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyEndpoints($companyId: ID!) {\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        slug\n        description\n        operations {\n          id\n          key\n          method\n          path\n          description\n          paramsSchema\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleReadOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n    readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  query ConsoleReadOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n    readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePreviewReadOperation(\n    $roleId: ID!\n    $companyId: ID!\n    $endpointId: ID!\n    $operation: String!\n    $params: JSON\n  ) {\n    previewReadOperation(\n      roleId: $roleId\n      companyId: $companyId\n      endpointId: $endpointId\n      operation: $operation\n      params: $params\n    ) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  query ConsolePreviewReadOperation(\n    $roleId: ID!\n    $companyId: ID!\n    $endpointId: ID!\n    $operation: String!\n    $params: JSON\n  ) {\n    previewReadOperation(\n      roleId: $roleId\n      companyId: $companyId\n      endpointId: $endpointId\n      operation: $operation\n      params: $params\n    ) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleWriteOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n    writeOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleWriteOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {\n    writeOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {\n      status\n      data\n      cached\n      attempts\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PendingActionFields on PendingAction {\n    id\n    status\n    args\n    expiresAt\n    createdAt\n    resultStatus\n    request {\n      method\n      url\n    }\n    endpoint {\n      id\n      name\n      slug\n    }\n    operation {\n      id\n      key\n      method\n      path\n      description\n    }\n  }\n"): (typeof documents)["\n  fragment PendingActionFields on PendingAction {\n    id\n    status\n    args\n    expiresAt\n    createdAt\n    resultStatus\n    request {\n      method\n      url\n    }\n    endpoint {\n      id\n      name\n      slug\n    }\n    operation {\n      id\n      key\n      method\n      path\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ChatStream($companyId: ID!, $message: String!, $conversationId: ID) {\n    chatStream(companyId: $companyId, message: $message, conversationId: $conversationId) {\n      type\n      text\n      actionId\n      error\n      code\n      toolCall {\n        tool\n        status\n        ok\n      }\n      reply {\n        conversationId\n        message\n        model\n        toolCalls {\n          tool\n          status\n          ok\n        }\n        pendingActions {\n          ...PendingActionFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ChatStream($companyId: ID!, $message: String!, $conversationId: ID) {\n    chatStream(companyId: $companyId, message: $message, conversationId: $conversationId) {\n      type\n      text\n      actionId\n      error\n      code\n      toolCall {\n        tool\n        status\n        ok\n      }\n      reply {\n        conversationId\n        message\n        model\n        toolCalls {\n          tool\n          status\n          ok\n        }\n        pendingActions {\n          ...PendingActionFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPendingActions($companyId: ID!) {\n    myPendingActions(companyId: $companyId) {\n      ...PendingActionFields\n    }\n  }\n"): (typeof documents)["\n  query MyPendingActions($companyId: ID!) {\n    myPendingActions(companyId: $companyId) {\n      ...PendingActionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssistantEndpoints($companyId: ID!) {\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        operations {\n          id\n          key\n          method\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssistantEndpoints($companyId: ID!) {\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n        operations {\n          id\n          key\n          method\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmAction($id: ID!) {\n    confirmAction(id: $id) {\n      action {\n        ...PendingActionFields\n      }\n      result {\n        status\n        data\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmAction($id: ID!) {\n    confirmAction(id: $id) {\n      action {\n        ...PendingActionFields\n      }\n      result {\n        status\n        data\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectAction($id: ID!) {\n    rejectAction(id: $id) {\n      action {\n        ...PendingActionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectAction($id: ID!) {\n    rejectAction(id: $id) {\n      action {\n        ...PendingActionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogs($companyId: ID, $filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLogs(companyId: $companyId, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          createdAt\n          action\n          companyId\n          company {\n            id\n            name\n          }\n          actor {\n            email\n            name\n          }\n          targetType\n          targetId\n          requestId\n          details\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogs($companyId: ID, $filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLogs(companyId: $companyId, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          createdAt\n          action\n          companyId\n          company {\n            id\n            name\n          }\n          actor {\n            email\n            name\n          }\n          targetType\n          targetId\n          requestId\n          details\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardPage($companyId: ID!) {\n    dashboard(companyId: $companyId) {\n      company {\n        id\n        name\n      }\n      generatedAt\n      widgets {\n        id\n        title\n        caption\n        kind\n        operationKey\n        value\n        unit\n        cached\n        error\n        refreshSeconds\n        rows\n        series {\n          label\n          value\n          meaning\n        }\n        endpoint {\n          id\n          name\n        }\n      }\n    }\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardPage($companyId: ID!) {\n    dashboard(companyId: $companyId) {\n      company {\n        id\n        name\n      }\n      generatedAt\n      widgets {\n        id\n        title\n        caption\n        kind\n        operationKey\n        value\n        unit\n        cached\n        error\n        refreshSeconds\n        rows\n        series {\n          label\n          value\n          meaning\n        }\n        endpoint {\n          id\n          name\n        }\n      }\n    }\n    myEndpoints(companyId: $companyId) {\n      access\n      endpoint {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EndpointEvents($companyId: ID!) {\n    endpointEvents(companyId: $companyId) {\n      endpointId\n      endpointSlug\n      eventType\n      receivedAt\n    }\n  }\n"): (typeof documents)["\n  subscription EndpointEvents($companyId: ID!) {\n    endpointEvents(companyId: $companyId) {\n      endpointId\n      endpointSlug\n      eventType\n      receivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationByLink($token: String!) {\n    invitation(token: $token) {\n      companyName\n      roles\n      email\n      status\n    }\n  }\n"): (typeof documents)["\n  query InvitationByLink($token: String!) {\n    invitation(token: $token) {\n      companyName\n      roles\n      email\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $name: String, $password: String) {\n    acceptInvitation(token: $token, name: $name, password: $password) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $name: String, $password: String) {\n    acceptInvitation(token: $token, name: $name, password: $password) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($token: String!) {\n    declineInvitation(token: $token)\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($token: String!) {\n    declineInvitation(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInForInvitation($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignInForInvitation($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedInAs {\n    me {\n      email\n    }\n  }\n"): (typeof documents)["\n  query SignedInAs {\n    me {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoLogins {\n    demoLogins {\n      email\n      note\n    }\n  }\n"): (typeof documents)["\n  query DemoLogins {\n    demoLogins {\n      email\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInMethod($email: String!) {\n    signInMethod(email: $email) {\n      method\n      startUrl\n      passwordAllowed\n    }\n  }\n"): (typeof documents)["\n  query SignInMethod($email: String!) {\n    signInMethod(email: $email) {\n      method\n      startUrl\n      passwordAllowed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccessTokens($companyId: ID) {\n    accessTokens(companyId: $companyId) {\n      id\n      name\n      prefix\n      readOnly\n      status\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query MyAccessTokens($companyId: ID) {\n    accessTokens(companyId: $companyId) {\n      id\n      name\n      prefix\n      readOnly\n      status\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccessToken($input: CreateAccessTokenInput!) {\n    createAccessToken(input: $input) {\n      token\n      accessToken {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAccessToken($input: CreateAccessTokenInput!) {\n    createAccessToken(input: $input) {\n      token\n      accessToken {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAccessToken($id: ID!) {\n    revokeAccessToken(id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAccessToken($id: ID!) {\n    revokeAccessToken(id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere($userId: ID) {\n    signOutEverywhere(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere($userId: ID) {\n    signOutEverywhere(userId: $userId)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;