package org.xenctl.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * Decides which libvirt URI to open when the user gave none: {@code XENCTL_DEFAULT_URI}, then
 * {@code LIBVIRT_DEFAULT_URI}, then {@code uri_default} in xenctl.conf, then {@code xen:///system} on a Xen dom0.
 */
public final class UriResolver {
    public static final Path DEFAULT_CONFIG = Path.of("/etc/xenctl/xenctl.conf");
    public static final Path XEN_CAPABILITIES = Path.of("/proc/xen/capabilities");

    /** A URI and where it came from, so `version` and error messages can tell the user why this host. */
    public record Resolved(String uri, String source) { }

    private final Map<String, String> environment;
    private final Path configFile;
    private final Path xenCapabilities;

    public UriResolver(Map<String, String> environment, Path configFile, Path xenCapabilities) {
        this.environment = Map.copyOf(environment);
        this.configFile = configFile;
        this.xenCapabilities = xenCapabilities;
    }

    /** The resolver for this process: its environment, and {@code XENCTL_CONFIG} or /etc/xenctl/xenctl.conf. */
    public static UriResolver forProcess(Map<String, String> environment) {
        String config = environment.get("XENCTL_CONFIG");
        return new UriResolver(environment, config == null || config.isEmpty() ? DEFAULT_CONFIG : Path.of(config),
                XEN_CAPABILITIES);
    }

    public Resolved resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return new Resolved(explicit.strip(), "--connect");
        }
        for (String variable : List.of("XENCTL_DEFAULT_URI", "LIBVIRT_DEFAULT_URI")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return new Resolved(value.strip(), variable);
            }
        }
        Optional<String> configured = configuredUri();
        if (configured.isPresent()) {
            return new Resolved(configured.get(), configFile + " (uri_default)");
        }
        if (isXenDom0()) {
            return new Resolved("xen:///system", XEN_CAPABILITIES + " (this is a Xen dom0)");
        }
        throw new XenctlException(ErrorCode.NO_URI,
                "no hypervisor to connect to: this machine is not a Xen dom0 and no URI is configured",
                "give one with -c URI (xen:///system on a dom0, xen+ssh://root@HOST/system for a remote one), "
                        + "set XENCTL_DEFAULT_URI, or put uri_default = \"URI\" in " + configFile
                        + "; try xenctl without Xen with -c test:///default");
    }

    private Optional<String> configuredUri() {
        List<String> lines;
        try {
            lines = Files.readAllLines(configFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, "cannot read " + configFile + ": " + e.getMessage());
        }
        String found = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String content = withoutComment(line);
            if (content.isBlank()) {
                continue;
            }
            Matcher setting = ConfigSyntax.SETTING.matcher(content);
            if (!setting.matches()) {
                throw new XenctlException(ErrorCode.INVALID_CONFIG, configFile + ":" + (i + 1)
                        + ": expected a setting of the form key = \"value\"");
            }
            if (setting.group(1).equals("uri_default")) {
                Matcher quoted = ConfigSyntax.QUOTED.matcher(setting.group(2));
                if (!quoted.matches()) {
                    throw new XenctlException(ErrorCode.INVALID_CONFIG, configFile + ":" + (i + 1)
                            + ": uri_default needs a quoted value, e.g. uri_default = \"xen:///system\"");
                }
                found = quoted.group(1);
            }
        }
        return Optional.ofNullable(found).filter(s -> !s.isBlank());
    }

    /** The line up to its first # that is not inside double quotes. */
    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private boolean isXenDom0() {
        try {
            return Files.readString(xenCapabilities).contains("control_d");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The config file's syntax, compiled only when the file is read: a command given its URI never reads it, and
     * compiling a pattern in a fresh JVM costs a millisecond or two.
     */
    private static final class ConfigSyntax {
        static final Pattern SETTING = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*");
        static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    }
}
