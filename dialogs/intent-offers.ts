import type { Intent } from '../src/understanding/intents.ts';

/**
 * Each intent as the shopper would name it, to ask between two readings: "Do you want to track an
 * order, or start a return?". The quick reply is the same words, capitalised.
 */
export const INTENT_OFFERS: Readonly<Record<Intent, string>> = {
  product_search: 'find a product',
  refine_results: 'narrow down these results',
  show_more: 'see more results',
  product_question: 'ask about a product',
  compare_products: 'compare products',
  add_to_cart: 'add something to your cart',
  view_cart: 'see your cart',
  greeting: 'say hello',
  help: 'see what I can do',
  thanks_goodbye: 'finish for now',
  cancel_flow: 'start over',
  human_agent: 'talk to a person',
  order_status: 'track an order',
  cancel_order: 'cancel an order',
  change_order: 'change an order',
  place_order: 'know how to place an order',
  delivery_options: 'see the delivery options',
  delivery_period: 'know how long delivery takes',
  shipping_address: 'change a delivery address',
  return_policy: 'read the return policy',
  start_return: 'start a return',
  request_refund: 'ask for a refund',
  refund_status: 'check on a refund',
  payment_methods: 'see the ways to pay',
  payment_problem: 'sort out a payment problem',
  invoice: 'get an invoice',
  account_manage: 'manage your account',
  account_access: 'get back into your account',
  registration_problem: 'fix a problem signing up',
  cancellation_fees: 'check cancellation fees',
  newsletter: 'manage the newsletter',
  complaint: 'make a complaint',
  leave_review: 'leave a review',
  contact_support: 'get our contact details',
  out_of_scope: 'ask about something else',
};
