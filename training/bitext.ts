// Reads the Bitext customer-service data set (third-party, CDLA-Sharing 1.0) at training time and maps
// its 27 intents onto Aisle's. Its rows are never copied into this repository: pass the folder that
// holds train.csv and dev.csv (the project's checkout keeps it at ../shared/datasets/bitext-customer-service;
// elsewhere get it from the GitHub repository bitext/customer-support-intent-detection-training-dataset).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readTable } from '../src/catalog/table.ts';
import { AppError } from '../src/errors.ts';
import type { Intent } from '../src/understanding/intents.ts';
import type { LabelledUtterance } from './intents/utterances.ts';

export const DEFAULT_BITEXT_DIR = '../shared/datasets/bitext-customer-service';

/**
 * Bitext intent → Aisle intent. Bitext's account actions (create, edit, delete, switch) are one
 * need for a store assistant (manage the account); the rest map one to one.
 */
export const BITEXT_TO_AISLE: Readonly<Record<string, Intent>> = {
  cancel_order: 'cancel_order',
  change_order: 'change_order',
  change_shipping_address: 'shipping_address',
  set_up_shipping_address: 'shipping_address',
  check_cancellation_fee: 'cancellation_fees',
  check_invoice: 'invoice',
  get_invoice: 'invoice',
  check_payment_methods: 'payment_methods',
  payment_issue: 'payment_problem',
  check_refund_policy: 'return_policy',
  get_refund: 'request_refund',
  track_refund: 'refund_status',
  complaint: 'complaint',
  review: 'leave_review',
  contact_customer_service: 'contact_support',
  contact_human_agent: 'human_agent',
  create_account: 'account_manage',
  delete_account: 'account_manage',
  edit_account: 'account_manage',
  switch_account: 'account_manage',
  recover_password: 'account_access',
  registration_problems: 'registration_problem',
  delivery_options: 'delivery_options',
  delivery_period: 'delivery_period',
  newsletter_subscription: 'newsletter',
  place_order: 'place_order',
  track_order: 'order_status',
};

/** One split (`train` or `dev`) as labelled utterances with Aisle's intents. */
export function readBitext(dir: string, split: 'train' | 'dev'): LabelledUtterance[] {
  const file = path.join(dir, `${split}.csv`);
  if (!existsSync(file)) {
    throw new AppError('ARTIFACT_MISSING', `No Bitext ${split} split at ${file}. Get the data set from the GitHub repository ` +
      'bitext/customer-support-intent-detection-training-dataset (CDLA-Sharing 1.0) and pass its folder with --bitext DIR, or --bitext none to train without it.');
  }
  const table = readTable(readFileSync(file, 'utf8'), ',');
  if (!table.columns.includes('utterance') || !table.columns.includes('intent')) throw new AppError('BAD_INPUT', `${file} has no utterance/intent columns.`);
  const out: LabelledUtterance[] = [];
  for (const row of table.rows) {
    if (!row.ok) throw new AppError('BAD_INPUT', `${file} line ${row.line}: ${row.reason}`);
    const intent = BITEXT_TO_AISLE[row.cells.intent!];
    if (!intent) throw new AppError('BAD_INPUT', `${file} line ${row.line}: unknown Bitext intent "${row.cells.intent}".`);
    out.push({ text: row.cells.utterance!.replace(/\s+/g, ' ').trim(), intent, context: {} });
  }
  return out;
}
