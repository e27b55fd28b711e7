import { column, type ExportFormat } from './format';

/** HubSpot deals export: one row per deal, with its associated contact id(s). */
export const hubspotDeals: ExportFormat = {
  name: 'hubspot__deals',
  system: 'hubspot',
  entity: 'deals',
  columns: [
    column('Record ID', { required: true, aliases: ['Deal ID', 'hs_object_id'] }),
    column('Deal Name', { required: true, aliases: ['dealname'] }),
    column('Deal Stage', { required: true, aliases: ['dealstage'] }),
    column('Close Date', { type: 'timestamp', aliases: ['closedate'] }),
    column('Deal owner', { aliases: ['Deal Owner', 'hubspot_owner_id'] }),
    column('Amount', { type: 'number', aliases: ['amount'] }),
    column('Pipeline', { aliases: ['pipeline'] }),
    column('Create Date', { type: 'timestamp', aliases: ['createdate'] }),
    column('Associated Contact', { aliases: ['Associated Contact IDs', 'Associated Contact ID', 'Associated Contacts', 'Contact IDs'] }),
    column('Deal Type', { aliases: ['dealtype'] }),
    column('Closed Lost Reason', { aliases: ['closed_lost_reason'] }),
    column('Last Modified Date', { type: 'timestamp', aliases: ['hs_lastmodifieddate'] }),
  ],
};
