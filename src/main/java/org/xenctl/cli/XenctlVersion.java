package org.xenctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** xenctl's version, written into the jar by the build. */
final class XenctlVersion implements IVersionProvider {

    static String current() {
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
