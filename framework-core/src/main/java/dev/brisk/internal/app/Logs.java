package dev.brisk.internal.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Brisk's start and stop lines, and what to do when nobody would see them. */
final class Logs {
    static final Logger LOG = LoggerFactory.getLogger("dev.brisk");
    private static volatile boolean hinted;

    private Logs() {
    }

    /** True when SLF4J has no provider: every log line of Brisk (and of the app) would be dropped. */
    static boolean noProvider() {
        return LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;
    }

    /** Says once, on stderr, how to get Brisk's logs when there is no SLF4J provider. */
    static void hintIfSilent() {
        if (hinted || !noProvider()) return;
        hinted = true;
        System.err.println("Brisk: no SLF4J logging provider is on the class path, so log lines (start-up, errors and"
                + " their stack traces) are dropped. Add one, e.g. org.slf4j:slf4j-simple or ch.qos.logback:logback-classic.");
    }

    /** The address as a URL a person can open: {@code http://localhost:8000} for all interfaces. */
    static String url(SocketAddress address) {
        if (!(address instanceof InetSocketAddress a)) return String.valueOf(address);
        var ip = a.getAddress();
        String host;
        if (ip == null) host = a.getHostString();
        else if (ip.isAnyLocalAddress()) host = "localhost";
        else if (ip instanceof Inet6Address) host = "[" + ip.getHostAddress().replaceFirst("%.*$", "") + "]";
        else host = ip.getHostAddress();
        return "http://" + host + ":" + a.getPort();
    }

    /** Logged, or printed when there is no provider: the line that tells the user where the app is. */
    static void always(String line) {
        if (noProvider()) System.out.println(line);
        else LOG.info(line);
    }
}
