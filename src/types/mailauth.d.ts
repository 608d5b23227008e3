// mailauth 4.x ships no types (7.x does, but needs Node 22): the part of its API Deskhand uses.
declare module "mailauth" {
  type Verdict = { status?: { result?: string } };
  export type AuthenticateOptions = {
    ip?: string;
    helo?: string;
    sender?: string;
    mta?: string;
    trustReceived?: boolean;
    disableArc?: boolean;
    disableDmarc?: boolean;
    disableBimi?: boolean;
    resolver?: (name: string, type: string) => Promise<unknown>;
  };
  export function authenticate(
    message: Buffer | string,
    options?: AuthenticateOptions,
  ): Promise<{ dkim?: { results?: Verdict[] }; spf?: Verdict; dmarc?: Verdict; headers: string }>;
}
