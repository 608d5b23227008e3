// A company identity provider for the end-to-end run: oidc-provider (the certified Node
// implementation) with one client — the app — and its development sign-in pages, where any
// address signs in as a person whose address the provider reports verified.
import Provider from "oidc-provider";

const [port, appUrl, clientId, clientSecret] = [Number(process.argv[2]), process.argv[3], process.argv[4], process.argv[5]];

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [`${appUrl}/api/auth/callback/oidc`], grant_types: ["authorization_code"], response_types: ["code"] }],
  // The address and its verification in the ID token itself, where Auth.js reads the profile.
  conformIdTokenClaims: false,
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const email = id.trim().toLowerCase();
    return { accountId: email, claims: async () => ({ sub: email, email, email_verified: true, name: email.split("@")[0] }) };
  },
});
provider.listen(port, "127.0.0.1", () => console.log(`OIDC provider on ${port}`));
