package org.varsel.desk.intake.feed;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the desk's fetches (the feed poller, the cases' URL re-check) off its own network (SSRF): a URL, and every
 * redirect it leads to, must resolve to public addresses only; loopback, link-local (cloud metadata at
 * 169.254.169.254), private, unique-local, CGNAT, multicast and unspecified addresses are refused unless the host is
 * allowed by name (a feed's {@code allow_private_hosts}, {@code desk.cases.recheck-allow-private-hosts}).
 */
public final class FeedAddressGuard {
    private final Set<String> allowedHosts;

    public FeedAddressGuard(Set<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    /** @throws IOException naming the host and address when the URL may not be fetched */
    public void check(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("refused to fetch " + uri + ": only http and https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IOException("refused to fetch " + uri + ": no host");
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IOException("cannot resolve feed host " + host, e);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new IOException(
                        "refused to fetch " + uri + ": " + host + " resolves to " + address.getHostAddress()
                                + ", not a public address (name the host in allow_private_hosts to allow it)");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0/8 "this network", 100.64/10 carrier-grade NAT, 192.0.0/24 protocol assignments, 198.18/15 benchmarking
            return first != 0
                    && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    && !(first == 198 && (second & 0xfe) == 18)
                    && first < 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique-local (incl. fd00:ec2::254, a cloud metadata address); ::ffff:a.b.c.d maps an IPv4
            // address
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }
}
