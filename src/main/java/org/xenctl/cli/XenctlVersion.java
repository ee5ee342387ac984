package org.xenctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** xenctl's version, written into the jar by the build. */
final class XenctlVersion implements IVersionProvider {

    static String current() {
        // From the jar's manifest, which the JVM has read already (picocli asks for the version whenever a verb is
        // added to the root); a resource lookup costs a fresh JVM milliseconds. version.properties where classes run
        // from a directory (the tests).
        String version = XenctlVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : fromResource();
    }

    private static String fromResource() {
        Properties properties = new Properties();
        try (InputStream in = XenctlVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"xenctl " + current()};
    }
}
