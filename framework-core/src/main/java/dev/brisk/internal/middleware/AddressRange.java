package dev.brisk.internal.middleware;

import dev.brisk.StartupException;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** An IP address or CIDR block ({@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code fd00::/8}), parsed without DNS. */
final class AddressRange {
    private final byte[] network;
    private final int prefix;

    private AddressRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    static AddressRange parse(String owner, String spec) {
        if (spec == null) throw new StartupException(owner + ": addresses must not contain null");
        int slash = spec.indexOf('/');
        String ip = slash < 0 ? spec : spec.substring(0, slash);
        if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.substring(1, ip.length() - 1);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);   // null for anything but an IP literal (no lookup)
        if (bytes == null) {
            throw new StartupException(owner + ": \"" + spec + "\" is not an IP address or CIDR block (e.g. \"10.0.0.0/8\", \"127.0.0.1\", \"::1\");"
                    + " host names are not accepted");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = spec.substring(slash + 1);
            prefix = -1;
            if (!p.isEmpty() && p.length() <= 3 && p.chars().allMatch(Character::isDigit)) prefix = Integer.parseInt(p);
            if (prefix < 0 || prefix > bits) throw new StartupException(owner + ": \"" + spec + "\" has an invalid prefix length (0.." + bits + ")");
        }
        for (int i = prefix; i < bits; i++) {
            if ((bytes[i >> 3] & (0x80 >> (i & 7))) != 0) {
                throw new StartupException(owner + ": \"" + spec + "\" has bits set after its prefix; write the network address (e.g. \"10.0.0.0/8\")");
            }
        }
        return new AddressRange(bytes, prefix);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) return false;
        int full = prefix >> 3;
        for (int i = 0; i < full; i++) if (address[i] != network[i]) return false;
        int rest = prefix & 7;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    /** The address of a peer, or null when it is not an IP socket (the in-VM transport of tests). */
    static byte[] bytesOf(SocketAddress peer) {
        if (!(peer instanceof InetSocketAddress a)) return null;
        InetAddress ip = a.getAddress();
        return ip == null ? null : ip.getAddress();
    }
}
