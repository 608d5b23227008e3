// The words of the generated desk: real support language, so that full-text search meets the
// distribution it meets in production. A few words are in a large share of all messages
// ("please", "order", "account"), many are in some, and the RARE_WORDS are each in a single
// sentence of the pool, so in a few hundred messages out of a million.

/** A small seeded PRNG (mulberry32): the same desk on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Picks with weight 1 / rank^skew: the first entries are the everyday ones. */
function zipfPicker<T>(list: readonly T[], skew: number) {
  const weights = list.map((_, i) => 1 / Math.pow(i + 1, skew));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return (random: Random): T => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

const slots: Record<string, readonly string[]> = {
  product: [
    "laptop", "headphones", "camera", "printer", "router", "keyboard", "monitor", "charger", "blender", "kettle",
    "vacuum cleaner", "drone", "speaker", "smartwatch", "tablet", "backpack", "jacket", "sneakers", "mattress", "sofa",
    "coffee machine", "microwave", "toaster", "fridge", "lamp", "desk chair", "bicycle", "helmet", "tent", "suitcase",
    "phone case", "power bank", "webcam", "microphone", "projector", "scanner", "hard drive", "memory card", "mouse", "cable",
  ],
  time: ["yesterday", "last week", "two weeks ago", "on Monday", "this morning", "last month", "three days ago", "on Friday", "ten days ago", "last night"],
  payment: ["credit card", "PayPal account", "bank account", "gift card", "debit card", "store credit"],
  feature: ["dashboard", "reports", "calendar", "settings", "profile", "checkout", "invoices", "analytics", "notifications", "billing", "search", "export", "import", "team"],
  action: ["save changes", "upload a file", "export data", "add a user", "change my email", "pay", "sign in", "download the report", "apply the coupon", "edit the address"],
  device: ["iPhone", "Android phone", "iPad", "Windows laptop", "Mac", "Chromebook", "Samsung tablet", "Linux desktop"],
  place: ["Germany", "Canada", "Brazil", "Japan", "Australia", "Poland", "Mexico", "India", "Spain", "Italy", "Norway", "Kenya", "Chile", "Ireland", "Portugal"],
  duration: ["three days", "a week", "two weeks", "24 hours", "five business days", "a month", "48 hours"],
  team: ["billing", "shipping", "technical", "warehouse", "returns", "security", "sales"],
  integration: ["Slack", "Shopify", "Salesforce", "Zapier", "Google Calendar", "Stripe", "Mailchimp", "HubSpot", "Outlook", "Dropbox"],
  amount: ["$19.99", "$49.00", "$120.50", "$9.95", "$249.00", "$75.30", "$15.00"],
  version: ["4.2.1", "4.3.0", "5.0.2", "3.9.8", "5.1.0"],
};

const customerTemplates = [
  "Could you please check the status of my order {ordernum}?",
  "Hello, I placed an order {time} and it still has not arrived.",
  "Please help, I cannot log in to my account since {time}.",
  "The password reset email never arrives, please send it again.",
  "I was charged twice for my {product} order, please refund the extra payment to my {payment}.",
  "My {product} stopped working after the last update.",
  "The {feature} page shows an error when I try to {action}.",
  "I would like to cancel my subscription and close my account.",
  "Where can I download the invoice for my last order?",
  "The tracking number you sent for order {ordernum} does not work.",
  "The package arrived damaged and the {product} is broken.",
  "I need to change the delivery address for my order, please.",
  "Can I return the {product} and get a refund?",
  "Please update the billing address on my account.",
  "Your app keeps crashing on my {device} when I open the {feature}.",
  "I did not receive the confirmation email for my order.",
  "The discount code {code} is not accepted at checkout.",
  "Is my {product} still under warranty? I bought it {time}.",
  "How long does shipping to {place} usually take?",
  "I have been waiting for a reply for {duration}, this is urgent.",
  "Thank you for the quick help, everything works now.",
  "Please call me back, my phone number is in my account profile.",
  "Why was my {payment} declined? There is enough money on it.",
  "Can you send me a copy of the receipt, please?",
  "I want to upgrade my plan so my team gets more users.",
  "The {feature} export is missing some data from {time}.",
  "We cannot connect the {integration} integration to our account.",
  "Our team gets a timeout error when we try to {action}.",
  "Please delete my account and all my personal data.",
  "The wrong {product} was delivered, I ordered a different colour.",
  "I still have not received my refund for order {ordernum}.",
  "The two factor code does not arrive on my phone.",
  "Is there a discount for annual billing?",
  "My account was locked after too many login attempts.",
  "The {product} is out of stock, when will it be available again?",
  "Please cancel order {ordernum}, I ordered it by mistake.",
  "I was billed {amount} but the price on the website was lower.",
  "The courier left the parcel at the wrong address in {place}.",
];

const agentTemplates = [
  "Thank you for contacting us.",
  "I am sorry for the trouble with your order.",
  "I have checked your account and everything looks correct now.",
  "Please try to clear your browser cache and log in again.",
  "I have issued a refund of {amount} to your {payment}, it should appear within {duration}.",
  "Your order {ordernum} has been shipped, you can follow it with the tracking number in the email.",
  "Could you please send us a screenshot of the error?",
  "I have forwarded your request to our {team} team.",
  "A replacement {product} will be sent out within {duration}.",
  "Please confirm your billing address so we can update the invoice.",
  "We have reset your password, please check your email.",
  "Let me know if there is anything else I can help with.",
  "Customer is a long time client, please handle with priority.",
  "Waiting for the warehouse to confirm the stock of the {product}.",
  "This is a known issue in version {version}, our developers are working on a fix.",
  "Best regards, the support team.",
  "Your subscription has been cancelled and you will not be charged again.",
  "The {integration} integration needs a new access token, please reconnect it under settings.",
  "I have unlocked your account, you can sign in again.",
  "Shipping to {place} usually takes {duration}.",
  "Please return the {product} with the prepaid label we sent you.",
  "I applied the discount to your order manually.",
  "Checked with {team}: the payment was captured twice, refund approved.",
];

const subjectTemplates = [
  "Order {ordernum} not delivered", "Refund for {product}", "Cannot log in", "Password reset not working", "Charged twice",
  "Broken {product}", "Question about {feature}", "Change delivery address", "Invoice request", "App crashes on {device}",
  "Cancel subscription", "Shipping to {place}", "Warranty claim for {product}", "Discount code not working",
  "{integration} integration error", "Upgrade plan", "Damaged package", "Where is my order?", "Card declined",
  "Delete my account", "Wrong item delivered", "Refund not received", "Account locked", "Missing data in {feature} export",
  "Two factor code not arriving", "Billing address update", "Return label for {product}", "Price difference on invoice",
];

/** Each in exactly one sentence of the pool: what "a rare word" means in the bench. */
export const RARE_WORDS = [
  "thermostat", "chargeback", "notarized", "escrow", "firmware", "carburetor", "gasket", "affidavit", "subpoena", "tariff",
  "customs", "pallet", "forklift", "hologram", "lanyard", "sextant", "trombone", "xylophone", "marmalade", "quinoa",
];

const FIRST_NAMES = [
  "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David", "Barbara",
  "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
  "Anthony", "Betty", "Mark", "Sandra", "Paul", "Ashley", "Steven", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
  "Kevin", "Carol", "Brian", "Amanda", "Anna", "Lukas", "Sofia", "Mateo", "Olga", "Hiro", "Priya", "Omar", "Chen", "Amara",
];
const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
  "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
  "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Torres", "Nguyen", "Hill", "Flores", "Kowalski", "Novak", "Muller", "Rossi", "Silva", "Tanaka", "Kumar",
  "Okafor", "Ivanova", "Larsen",
];
const DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "gmx.de", "acme.com", "example.org", "mail.com"];

export const TAGS = ["vip", "refund", "bug", "feature-request", "shipping", "billing", "urgent", "followup", "complaint", "b2b", "mobile", "api"];

export const names = { first: FIRST_NAMES, last: LAST_NAMES, domains: DOMAINS };

const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
function fill(template: string, random: Random): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === "ordernum") return `${letters[Math.floor(random() * letters.length)]}${Math.floor(100000 + random() * 900000)}`;
    if (slot === "code") return `${pick(random, ["SAVE", "WELCOME", "SPRING", "VIP", "FREESHIP"])}${Math.floor(random() * 90 + 10)}`;
    return pick(random, slots[slot] ?? [slot]);
  });
}

/**
 * The sentence pool: message bodies are two to four sentences drawn from it in SQL. Customer
 * sentences come first, then agent sentences. Each rare word is placed into one sentence.
 */
export function sentencePool(seed: number, customerCount: number, agentCount: number) {
  const random = prng(seed);
  const customer = zipfPicker(customerTemplates, 0.6);
  const agent = zipfPicker(agentTemplates, 0.6);
  const sentences: string[] = [];
  for (let i = 0; i < customerCount; i++) sentences.push(fill(customer(random), random));
  for (let i = 0; i < agentCount; i++) sentences.push(fill(agent(random), random));
  RARE_WORDS.forEach((word, i) => {
    // Spread over the pool, in customer sentences.
    const at = Math.floor(((i + 0.5) / RARE_WORDS.length) * customerCount);
    sentences[at] = `${sentences[at]} It is about the ${word}.`;
  });
  return sentences;
}

export function subjectPool(seed: number, count: number) {
  const random = prng(seed);
  const subject = zipfPicker(subjectTemplates, 0.5);
  return Array.from({ length: count }, () => fill(subject(random), random));
}

/** The big desk's queues: 10 departments with 37 sub-departments, 47 in all as in the source. */
export const BIG_DESK_DEPARTMENTS: Record<string, string[]> = {
  Sales: ["Enterprise", "Small business", "Partners", "Quotes"],
  Support: ["Hardware", "Software", "Mobile app", "Installations", "Warranty"],
  Billing: ["Invoices", "Refunds", "Payment failures", "Subscriptions"],
  Shipping: ["Domestic", "International", "Returns", "Damaged goods"],
  Accounts: ["Login", "Security", "Data requests"],
  Technical: ["API", "Integrations", "Outages", "Bugs"],
  Complaints: ["Escalations", "Legal", "Quality"],
  Marketing: ["Press", "Sponsorships", "Affiliates"],
  Wholesale: ["Orders", "Logistics", "Pricing", "Contracts"],
  Careers: ["Applications", "Internships", "Contractors"],
};
