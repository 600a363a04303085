// The deal stages of the demo's HubSpot-like Sales API (Globex): the ids it returns (single
// lower-case words) with the names HubSpot's own screens show, in pipeline order. The demo's
// dashboard widgets order their pipeline cards by them; the offline planner's demo vocabulary reads
// them out.
export const HUBSPOT_DEAL_STAGES: Readonly<Record<string, string>> = {
  appointmentscheduled: 'Appointment scheduled',
  qualifiedtobuy: 'Qualified to buy',
  presentationscheduled: 'Presentation scheduled',
  decisionmakerboughtin: 'Decision maker bought in',
  contractsent: 'Contract sent',
  closedwon: 'Closed won',
  closedlost: 'Closed lost',
};
