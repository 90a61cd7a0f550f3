package org.centinela.alerts.team;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks a webhook must not reach: this machine, its links and private networks, and everything not
 * routable on the Internet (IANA special-purpose registries). IPv6 forms that embed an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are judged by that address.
 */
final class NonPublicAddresses {

    private record Block(byte[] prefix, int bits, String kind) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0", 8, "this-network"),
            block("10.0.0.0", 8, "private"),
            block("100.64.0.0", 10, "shared (carrier-grade NAT)"),
            block("127.0.0.0", 8, "loopback"),
            block("169.254.0.0", 16, "link-local"),
            block("172.16.0.0", 12, "private"),
            block("192.0.0.0", 24, "IETF protocol assignment"),
            block("192.168.0.0", 16, "private"),
            block("198.18.0.0", 15, "benchmarking"),
            block("224.0.0.0", 4, "multicast"),
            block("240.0.0.0", 4, "reserved or broadcast"),
            block("::", 128, "unspecified"),
            block("::1", 128, "loopback"),
            block("100::", 64, "discard-only"),
            block("2001::", 32, "Teredo"),
            block("fc00::", 7, "unique local (private)"),
            block("fe80::", 10, "link-local"),
            block("fec0::", 10, "site-local"),
            block("ff00::", 8, "multicast"));

    private NonPublicAddresses() {
    }

    /** What kind of non-public address {@code address} is, or empty for a public one. */
    static Optional<String> kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<byte[]> embedded = embeddedIpv4(address, bytes);
        if (embedded.isPresent()) {
            return kindOf(bytes(embedded.get()));
        }
        return BLOCKS.stream().filter(block -> block.contains(bytes)).map(Block::kind).findFirst();
    }

    private static Optional<byte[]> embeddedIpv4(InetAddress address, byte[] bytes) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        boolean mapped = zeros(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = zeros(bytes, 0, 12) && !zeros(bytes, 12, 16) && !(zeros(bytes, 12, 15) && bytes[15] == 1);
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && zeros(bytes, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
        }
        if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) { // 6to4: 2002:AABB:CCDD::/48
            return Optional.of(Arrays.copyOfRange(bytes, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress bytes(byte[] ipv4) {
        try {
            return Inet4Address.getByAddress(ipv4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Block block(String literal, int bits, String kind) {
        try {
            // Literals only: getByName parses them without a lookup.
            return new Block(InetAddress.getByName(literal).getAddress(), bits, kind);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
