package dev.brisk.appit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's files as the docs and poms are written: Markdown code blocks, pom values. */
final class Repo {
    private static final Pattern XML_BLOCK = Pattern.compile("(?m)^```xml\\R(.*?)^```$", Pattern.DOTALL);

    private Repo() {
    }

    /** The repository root (this module's parent). */
    static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> xmlBlocks(String markdown) {
        var blocks = new ArrayList<String>();
        Matcher m = XML_BLOCK.matcher(read(markdown));
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    /** The one {@code xml} block of the page that contains {@code text}. */
    static String xmlBlock(String markdown, String text) {
        var found = xmlBlocks(markdown).stream().filter(b -> b.contains(text)).toList();
        if (found.size() != 1) {
            throw new AssertionError(markdown + " has " + found.size() + " xml blocks with " + text + " (expected exactly one)");
        }
        return found.get(0);
    }

    /** The first {@code <name>value</name>} of a pom (or of any XML text). */
    static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(xml);
        if (!m.find()) throw new AssertionError("no <" + name + "> in\n" + xml);
        return m.group(1).trim();
    }

    /** The version the root pom's pluginManagement gives a plugin. */
    static String pluginVersion(String artifactId) {
        String pom = read("pom.xml");
        String management = pom.substring(pom.indexOf("<pluginManagement>"), pom.indexOf("</pluginManagement>"));
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)</version>").matcher(management);
        if (!m.find()) throw new AssertionError("the root pom's pluginManagement has no version for " + artifactId);
        String v = m.group(1);
        if (v.startsWith("${") && v.endsWith("}")) return tag(pom, v.substring(2, v.length() - 1));   // a property of the root pom
        return v;
    }

    /** Brisk's version: the root pom's own. */
    static String version() {
        String pom = read("pom.xml");
        return tag(pom.substring(pom.indexOf("<artifactId>brisk-parent</artifactId>")), "version");
    }
}
