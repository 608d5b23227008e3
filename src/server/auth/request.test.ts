import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { trustedProxiesSetting } from "@/env";
import { stampPeerAddresses } from "../http/peer";
import { clientIp, resolveClientAddress } from "./request";

const trust = (value: string) => trustedProxiesSetting.parse(value);

describe("the client address", () => {
  it("ignores a forwarded header sent without a trusted proxy: the connection is the client", () => {
    expect(resolveClientAddress("198.51.100.9", "1.2.3.4", undefined)).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:198.51.100.9", "1.2.3.4, 5.6.7.8", undefined)).toBe("198.51.100.9");
  });

  it("takes the right-most untrusted address when two hops are trusted proxies", () => {
    // client 203.0.113.7 → CDN edge 192.0.2.10 → load balancer 10.0.0.5 → us; the client forged 6.6.6.6.
    const chain = "6.6.6.6, 203.0.113.7, 192.0.2.10";
    expect(resolveClientAddress("10.0.0.5", chain, trust("10.0.0.0/8, 192.0.2.0/24"))).toBe("203.0.113.7");
    // Only the load balancer trusted: the CDN edge is the client.
    expect(resolveClientAddress("10.0.0.5", chain, trust("10.0.0.0/8"))).toBe("192.0.2.10");
  });

  it("accepts CIDR lists with IPv6 and the keywords", () => {
    expect(resolveClientAddress("::1", "2001:db8::7, fd00::2", trust("loopback, uniquelocal"))).toBe("2001:db8::7");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.7", trust("loopback"))).toBe("203.0.113.7");
    // A peer outside the list is the client, whatever it forwards.
    expect(resolveClientAddress("198.51.100.9", "203.0.113.7", trust("10.0.0.0/8"))).toBe("198.51.100.9");
    expect(() => trust("10.0.0.0/99")).toThrow();
    expect(() => trust("proxy.example.com")).toThrow();
  });

  it("counts hops: the peer is the first", () => {
    const chain = "6.6.6.6, 203.0.113.7, 192.0.2.10";
    expect(trust("2")).toEqual({ hops: 2 });
    expect(resolveClientAddress("10.0.0.5", chain, trust("1"))).toBe("192.0.2.10");
    expect(resolveClientAddress("10.0.0.5", chain, trust("2"))).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.5", chain, trust("0"))).toBe("10.0.0.5");
    // More hops than the chain has: the left-most address, as Express does.
    expect(resolveClientAddress("10.0.0.5", "203.0.113.7", trust("5"))).toBe("203.0.113.7");
  });

  it("gives no address for something that is not one", () => {
    expect(resolveClientAddress(null, "203.0.113.7", undefined)).toBeNull();
    expect(resolveClientAddress("10.0.0.5", "not-an-ip", trust("1"))).toBeNull();
  });

  it("reads the connection's address from a real server, over a forged header", async () => {
    stampPeerAddresses();
    const seen: (string | null)[] = [];
    const server = http.createServer((request, response) => {
      const headers = new Headers(Object.entries(request.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])));
      seen.push(clientIp(headers));
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "1.2.3.4", "x-deskhand-peer": "5.6.7.8" } });
      await fetch(`http://127.0.0.1:${port}/`);
    } finally {
      server.close();
    }
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
