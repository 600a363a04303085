// The assistant's GraphQL operations (typed by `pnpm codegen`).
import { graphql } from '../../gql';

export const PendingActionFieldsFragment = graphql(`
  fragment PendingActionFields on PendingAction {
    id
    status
    args
    expiresAt
    createdAt
    resultStatus
    request {
      method
      url
    }
    endpoint {
      id
      name
      slug
    }
    operation {
      id
      key
      method
      path
      description
    }
  }
`);

export const ChatStreamSubscription = graphql(`
  subscription ChatStream($companyId: ID!, $message: String!, $conversationId: ID) {
    chatStream(companyId: $companyId, message: $message, conversationId: $conversationId) {
      type
      text
      actionId
      error
      code
      toolCall {
        tool
        status
        ok
      }
      reply {
        conversationId
        message
        model
        toolCalls {
          tool
          status
          ok
        }
        pendingActions {
          ...PendingActionFields
        }
      }
    }
  }
`);

export const MyPendingActionsQuery = graphql(`
  query MyPendingActions($companyId: ID!) {
    myPendingActions(companyId: $companyId) {
      ...PendingActionFields
    }
  }
`);

export const AssistantEndpointsQuery = graphql(`
  query AssistantEndpoints($companyId: ID!) {
    myEndpoints(companyId: $companyId) {
      access
      endpoint {
        id
        name
        operations {
          id
          key
          method
        }
      }
    }
  }
`);

export const ConfirmActionMutation = graphql(`
  mutation ConfirmAction($id: ID!) {
    confirmAction(id: $id) {
      action {
        ...PendingActionFields
      }
      result {
        status
        data
      }
    }
  }
`);

export const RejectActionMutation = graphql(`
  mutation RejectAction($id: ID!) {
    rejectAction(id: $id) {
      action {
        ...PendingActionFields
      }
    }
  }
`);
