/** What a shopper can mean by a message. The classifier is trained on these labels; dialogs route on them. */
export const INTENTS = {
  // Shopping
  product_search: 'Look for products: "a blue linen sofa under $900", "do you sell dog beds?"',
  refine_results: 'Narrow or change the products just shown: "cheaper", "in blue", "only in stock", "any from Acme?", "what about for kids"',
  show_more: 'See further results of the current search: "show more", "next page", "other options?"',
  product_question: 'Ask about one product, shown or named: "is the second one waterproof?", "what sizes does it come in?", "tell me about the Harbor sofa"',
  compare_products: 'Compare two to four products: "compare the first two", "which is better, 1 or 3?"',
  add_to_cart: 'Put a product in the cart: "add the first one to my cart", "I\'ll take it"',
  view_cart: 'See what is in the cart: "what\'s in my cart?", "show me my basket"',
  // Conversation
  greeting: 'Say hello: "hi", "good morning"',
  help: 'Ask what the assistant can do or how to use it: "what can you do?", "help"',
  thanks_goodbye: 'Thank or leave: "thanks, that\'s all", "bye"',
  cancel_flow: 'Drop the current question or flow, start over: "never mind", "forget it", "start over"',
  human_agent: 'Ask for a person: "talk to a human", "can I speak to an agent", "get me a real person"',
  // Customer service
  order_status: 'Where an order is, tracking: "where is my order 10432?", "track my package"',
  cancel_order: 'Cancel an order: "cancel my order", "I want to cancel order #5521"',
  change_order: 'Change items, quantity or options of an existing order: "can I change the size on my order?"',
  place_order: 'How to place an order, checkout help: "how do I order?", "how do I check out?"',
  delivery_options: 'Shipping methods and what they cost: "do you ship express?", "what delivery options are there?", "is shipping free?"',
  delivery_period: 'How long delivery takes or when an order will arrive: "how long does shipping take?", "when will my package get here?"',
  shipping_address: 'Set or change the delivery address: "change my shipping address", "ship to a different address"',
  return_policy: 'Return and refund rules: "what is your return policy?", "can I return sale items?"',
  start_return: 'Return or exchange a purchase: "I want to return my jacket", "start a return"',
  request_refund: 'Ask for money back: "I want a refund", "how do I get reimbursed for this?"',
  refund_status: 'Where a refund is: "I haven\'t got my refund yet", "track my refund"',
  payment_methods: 'Accepted ways to pay: "do you take PayPal?", "can I pay in installments?"',
  payment_problem: 'A payment that failed or was charged wrongly: "my card was declined", "I was charged twice"',
  invoice: 'Invoices and receipts: "I need an invoice for my order", "where is my receipt?"',
  account_manage: 'Create, edit or delete an account: "create an account", "change my email", "delete my account"',
  account_access: 'Password and sign-in problems: "I forgot my password", "I can\'t log in"',
  registration_problem: 'Trouble signing up: "the sign-up form gives an error", "I can\'t register with my email"',
  cancellation_fees: 'Fees for cancelling: "is there a fee to cancel?", "cancellation charges"',
  newsletter: 'Subscribe to or leave the newsletter: "sign me up for emails", "unsubscribe me"',
  complaint: 'A complaint about the store, an order or service: "this is unacceptable", "I want to file a complaint"',
  leave_review: 'Review a product or the store: "how do I leave a review?", "I want to rate my purchase"',
  contact_support: 'How to reach customer service (phone, e-mail, hours): "what is your phone number?", "customer service hours"',
  out_of_scope: 'Anything a store assistant does not handle: weather, jokes, homework, politics, other companies',
} as const;

export type Intent = keyof typeof INTENTS;
export const INTENT_NAMES = Object.keys(INTENTS) as Intent[];

/** The intents that act on the catalog or on the products on screen. */
export const SHOPPING_INTENTS: readonly Intent[] = [
  'product_search', 'refine_results', 'show_more', 'product_question', 'compare_products', 'add_to_cart', 'view_cart',
];

/** The customer-service topics; answered from the help centre and order systems (issue 5 seams). */
export const SUPPORT_INTENTS: readonly Intent[] = [
  'order_status', 'cancel_order', 'change_order', 'place_order', 'delivery_options', 'delivery_period', 'shipping_address',
  'return_policy', 'start_return', 'request_refund', 'refund_status', 'payment_methods', 'payment_problem', 'invoice',
  'account_manage', 'account_access', 'registration_problem', 'cancellation_fees', 'newsletter', 'complaint', 'leave_review', 'contact_support',
];

export function isIntent(value: string): value is Intent {
  return Object.hasOwn(INTENTS, value);
}
