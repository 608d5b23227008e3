/** Money is an integer of minor units; this formats it for people. */
export function formatMoney(minor: number, locale: string, currency = "USD"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2 }).format(minor / 100);
}
