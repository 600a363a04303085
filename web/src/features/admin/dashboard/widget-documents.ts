// The Dashboard settings page's GraphQL documents, shared by the list and the editor.
import { graphql } from '../../../gql';

export const DashboardSettingsQuery = graphql(`
  query DashboardSettings($companyId: ID!) {
    dashboardWidgets(companyId: $companyId) {
      id
      operationKey
      key
      title
      kind
      expression
      format
      unit
      position
      refreshSeconds
      params
      fanOut
      colours {
        label
        meaning
      }
      endpoint {
        id
        name
      }
      roles {
        position
        role {
          id
          name
        }
      }
    }
    endpoints(companyId: $companyId) {
      id
      name
      operations {
        id
        key
        method
        path
      }
    }
    roles {
      id
      key
      name
    }
  }
`);

export const PreviewWidgetQuery = graphql(`
  query PreviewDashboardWidget($input: WidgetPreviewInput!) {
    previewDashboardWidget(input: $input) {
      answer
      result
      error
      position
    }
  }
`);

export const CreateWidgetMutation = graphql(`
  mutation CreateDashboardWidget($input: DashboardWidgetInput!) {
    createDashboardWidget(input: $input) {
      id
    }
  }
`);

export const UpdateWidgetMutation = graphql(`
  mutation UpdateDashboardWidget($id: ID!, $input: DashboardWidgetInput!) {
    updateDashboardWidget(id: $id, input: $input) {
      id
    }
  }
`);

export const DeleteWidgetMutation = graphql(`
  mutation DeleteDashboardWidget($id: ID!, $companyId: ID!) {
    deleteDashboardWidget(id: $id, companyId: $companyId)
  }
`);
