// HubSpot's deal stages: the ids its API returns (single lower-case words) with the names its own
// screens show, in pipeline order. The dashboard orders its pipeline cards by them; the offline
// assistant reads them out.
export const HUBSPOT_DEAL_STAGES: Readonly<Record<string, string>> = {
  appointmentscheduled: 'Appointment scheduled',
  qualifiedtobuy: 'Qualified to buy',
  presentationscheduled: 'Presentation scheduled',
  decisionmakerboughtin: 'Decision maker bought in',
  contractsent: 'Contract sent',
  closedwon: 'Closed won',
  closedlost: 'Closed lost',
};
