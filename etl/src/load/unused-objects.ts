/**
 * Exports Closedloop does not use but that arrive with the ones it does: Salesforce's weekly
 * Data Export holds every object (Contact.csv, Account.csv, Case.csv…), HubSpot exports
 * companies beside contacts. Such a file is skipped and listed, never read as a broken export
 * of a format it resembles (a Contact has a Lead's Id, names, Email and CreatedDate, but no
 * Status). Each is recognised by columns no export the product reads has together.
 */
import { normaliseHeader } from './match-header';

export interface UnusedObject {
  readonly system: string;
  readonly object: string;
  /** Every one of these header fields (compared case/space-insensitively). */
  readonly all: readonly string[];
  /** And at least one of these, when given. */
  readonly any?: readonly string[];
  /** And none of these (columns of an export that is read). */
  readonly none?: readonly string[];
}

export const unusedObjects: readonly UnusedObject[] = [
  { system: 'Salesforce', object: 'Contact', all: ['Id', 'AccountId', 'LastName'], none: ['Username', 'Status', 'StageName'] },
  { system: 'Salesforce', object: 'Account', all: ['Id', 'Name'], any: ['BillingStreet', 'BillingCity', 'BillingCountry', 'AccountNumber', 'AnnualRevenue', 'Website'], none: ['StageName', 'Status', 'LastName'] },
  { system: 'Salesforce', object: 'OpportunityLineItem', all: ['Id', 'OpportunityId', 'PricebookEntryId'] },
  { system: 'Salesforce', object: 'OpportunityContactRole', all: ['Id', 'OpportunityId', 'ContactId', 'Role'] },
  { system: 'Salesforce', object: 'Case', all: ['Id', 'CaseNumber'] },
  { system: 'Salesforce', object: 'Contract', all: ['Id', 'ContractNumber'] },
  { system: 'Salesforce', object: 'Order', all: ['Id', 'OrderNumber'] },
  { system: 'Salesforce', object: 'Product2', all: ['Id', 'ProductCode'] },
  { system: 'HubSpot', object: 'companies', all: ['Record ID', 'Company name'], none: ['Email', 'Lifecycle Stage', 'Deal Stage'] },
];

/** The unused object a header row is, if any. */
export function matchUnusedObject(header: readonly string[]): UnusedObject | undefined {
  const fields = new Set(header.map(normaliseHeader));
  const has = (name: string): boolean => fields.has(normaliseHeader(name));
  return unusedObjects.find((o) => o.all.every(has) && (o.any === undefined || o.any.some(has)) && !(o.none ?? []).some(has));
}
