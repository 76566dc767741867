package io.carlo.server.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The address a request comes from, as rate limits count it. It is the connection's peer, which
 * Tomcat replaces with the client named in {@code X-Forwarded-For} only when the operator trusts a
 * proxy ({@code server.forward-headers-strategy=native}, from the proxies of
 * {@code server.tomcat.remoteip.internal-proxies}): a header any client can write is never
 * believed by default. An IPv6 client counts as its /64 network, the block one subscriber gets,
 * so that walking through one's own addresses does not buy more attempts.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "unknown" : address;
        }
        try {
            // a literal address: no name lookup happens
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
